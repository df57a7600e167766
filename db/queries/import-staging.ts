import { decodeUtf8, readRecords } from '@/lib/csv/read-rows';
import { stageRows, type StageReport } from '@/lib/imports/stage-rows';
import type { ImportTransactionsInput } from '@/lib/validation/imports';
import { withBulkTransaction } from '../bulk';
import { createStagingTable, lockWorkspaceImports, mergeStaging, STAGED_COLUMNS, type ImportSummary } from './imports';

// The background import in two steps. Staging streams the file into import_rows in batches, each
// its own short transaction (on the embedded database a transaction holds the only connection, so
// pages stay responsive between batches). Merging moves the staged rows into customers and orders
// in one transaction — or, for the dry run, does exactly that and rolls it back, so the report
// shows the very counts the commit will produce.

/** CSV characters per COPY batch: about 130,000 rows, a few MB of memory. */
const BATCH_CHARS = 8 * 1024 * 1024;

export interface StageImportParams {
  workspaceId: string;
  importId: string;
  timeZone: string;
  input: ImportTransactionsInput;
  bytes: AsyncIterable<Uint8Array>;
  /** Called after each batch with the rows and bytes read so far. */
  onProgress: (progress: { rowsRead: number; bytesRead: number }) => Promise<void>;
  /** Asked after each batch; true stops the staging (the caller then discards the rows). */
  shouldStop: () => Promise<boolean>;
}

export type StageOutcome = { stopped: false; report: StageReport } | { stopped: true };

/** Reads, validates and stages every row of the file; a file with invalid rows stages nothing more once the first is seen. */
export async function stageImportRows(p: StageImportParams): Promise<StageOutcome> {
  let bytesRead = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of p.bytes) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  const records = readRecords(decodeUtf8(counted()), p.input.delimiter);
  const { chunks, report } = stageRows(records, { ...p.input, timeZone: p.timeZone }, `${p.workspaceId},${p.importId},`);
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async () => {
    // Once a row is invalid the import will be rejected: reading on only counts the other errors.
    if (report.errorCount === 0 && batch.length > 0) {
      const rows = batch;
      await withBulkTransaction((tx) => tx.copyCsv(`import_rows (workspace_id, import_id, ${STAGED_COLUMNS})`, toAsync(rows)));
    }
    batch = [];
    batchChars = 0;
    await p.onProgress({ rowsRead: report.rowsRead, bytesRead });
    return p.shouldStop();
  };
  for await (const chunk of chunks) {
    batch.push(chunk);
    batchChars += chunk.length;
    if (batchChars >= BATCH_CHARS && (await flush())) return { stopped: true };
  }
  if (await flush()) return { stopped: true };
  return { stopped: false, report };
}

async function* toAsync(parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

/** Thrown inside the dry-run transaction to roll it back once its counts are known. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Merges the staged rows of `importId` into customers and orders, marks the import completed and
 * deletes the staged rows — all in one transaction. With `dryRun` the same work is rolled back
 * and only its counts come back.
 */
export async function mergeStagedImport(
  p: { workspaceId: string; importId: string; currency: string; rowsRead: number },
  options: { dryRun: boolean },
): Promise<ImportSummary> {
  try {
    return await withBulkTransaction(async (tx) => {
      await lockWorkspaceImports(tx, p.workspaceId);
      await createStagingTable(tx);
      await tx.query(
        `INSERT INTO import_staging (${STAGED_COLUMNS})
         SELECT ${STAGED_COLUMNS} FROM import_rows WHERE workspace_id = $1 AND import_id = $2`,
        [p.workspaceId, p.importId],
      );
      const summary = await mergeStaging(tx, p);
      if (options.dryRun) throw new DryRunRollback(summary);
      await tx.query('DELETE FROM import_rows WHERE workspace_id = $1 AND import_id = $2', [p.workspaceId, p.importId]);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

/** Drops the staged rows of an import that will not be committed (rejected, cancelled, failed). */
export async function discardStagedRows(workspaceId: string, importId: string): Promise<void> {
  await withBulkTransaction((tx) => tx.query('DELETE FROM import_rows WHERE workspace_id = $1 AND import_id = $2', [workspaceId, importId]));
}

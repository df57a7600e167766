import { readImport, type ImportReading } from '@/lib/imports/read-import';
import { ImportFileError } from '@/lib/imports/row-error';
import { stageOrders, STAGING_COLUMNS } from '@/lib/imports/stage-rows';
import { MAX_UPLOAD_BYTES } from '@/lib/imports/upload-limits';
import type { ImportTransactionsInput } from '@/lib/validation/imports';
import { withBulkTransaction } from '../bulk';
import { createStagingTable, lockWorkspaceImports, type ImportSummary } from './imports';
import { mergeStaging, type MergeStagingParams } from './merge-staging';

// The background import in two steps. Staging streams the file into import_rows in batches, each
// its own short transaction (on the embedded database a transaction holds the only connection, so
// pages stay responsive between batches). Merging moves the staged rows into customers and orders
// in one transaction — or, for the dry run, does exactly that and rolls it back, so the report
// shows the very counts the commit will produce.

/** CSV characters per COPY batch: about 130,000 rows, a few MB of memory. */
const BATCH_CHARS = 8 * 1024 * 1024;
/** Staged chunks (~256 KB each) the reader may run ahead of the COPY. */
const READ_AHEAD_CHUNKS = 16;

export interface StageImportParams {
  workspaceId: string;
  importId: string;
  timeZone: string;
  input: ImportTransactionsInput;
  /** Opens the file from its start; the reader reads it more than once (see readImport). */
  openBytes: () => AsyncIterable<Uint8Array>;
  asOf: Date;
  /** Called after each batch with the rows read and the bytes of the current pass over the file. */
  onProgress: (progress: { rowsRead: number; bytesRead: number }) => Promise<void>;
  /** Asked after each batch; true stops the staging (the caller then discards the rows). */
  shouldStop: () => Promise<boolean>;
}

export type StageOutcome =
  | { stopped: false; reading: ImportReading; rejection: string | null }
  | { stopped: true };

/**
 * Reads, checks and stages every row of the file. A whole-file problem (not text, too large,
 * ambiguous dates) or any malformed row comes back as `rejection`; once a row is invalid nothing
 * more is staged, but reading goes on to count and list the other errors.
 */
export async function stageImportRows(p: StageImportParams): Promise<StageOutcome> {
  // The bytes of the latest pass over the file: a pass that stopped early (the date columns,
  // decided) may still pull a read-ahead chunk after the next pass has begun, which must not count.
  let bytesRead = 0;
  let latestPass = 0;
  const openBytes = () => {
    const source = p.openBytes();
    const pass = ++latestPass;
    bytesRead = 0;
    return (async function* () {
      for await (const chunk of source) {
        if (pass === latestPass) bytesRead += chunk.length;
        yield chunk;
      }
    })();
  };
  const { delimiter, hasHeader, dateFormat, decimal, currency, customerId, date, amount, orderId, quantity } = p.input;
  const { batches, reading } = readImport({
    openBytes, timeZone: p.timeZone, asOf: p.asOf, currency, maxBytes: MAX_UPLOAD_BYTES,
    generic: { mapping: { customerId, date, amount, orderId, quantity }, hasHeader, delimiter, dateFormat, decimal },
  });
  // Each batch streams into its COPY while the file is read, so parsing (here) and COPY (in the
  // server) overlap instead of taking turns. A failure of the reader never happens inside a COPY:
  // it is kept and rethrown after the batch, whose transaction is then rolled back.
  const nextChunk = readAhead(stageOrders(batches, `${p.workspaceId},${p.importId},`), READ_AHEAD_CHUNKS);
  let finished = false;
  let failure: unknown = null;
  async function* batch(): AsyncGenerator<string> {
    let chars = 0;
    while (chars < BATCH_CHARS) {
      let next: IteratorResult<string>;
      try {
        next = await nextChunk();
      } catch (error) {
        failure = error;
        next = { done: true, value: undefined };
      }
      if (next.done) {
        finished = true;
        return;
      }
      chars += next.value.length;
      // Once a row is invalid nothing more is staged; reading goes on to count the errors.
      if (reading.errorCount === 0) yield next.value;
    }
  }
  let isImportGone = false;
  try {
    while (!finished) {
      if (reading.errorCount === 0) {
        await withBulkTransaction(async (tx) => {
          // Staged rows have no foreign key: the batch holds its import instead, so the workspace's
          // deletion waits for it to commit and then deletes its rows (deleteWorkspace), or went
          // first and this batch writes nothing.
          const held = await tx.query('SELECT 1 FROM imports WHERE workspace_id = $1 AND id = $2 FOR KEY SHARE', [p.workspaceId, p.importId]);
          if (held.length === 0) {
            isImportGone = true;
            return;
          }
          await tx.copyCsv(`import_rows (workspace_id, import_id, ${STAGING_COLUMNS})`, batch());
          // The batch that met the first invalid row (or a whole-file problem) is not kept.
          if (failure || reading.errorCount > 0) throw new BatchDiscarded();
        }).catch((error: unknown) => {
          if (!(error instanceof BatchDiscarded)) throw error;
        });
      } else {
        for await (const _ of batch());
      }
      if (isImportGone) return { stopped: true };
      if (failure) throw failure;
      await p.onProgress({ rowsRead: reading.rowsRead, bytesRead });
      if (await p.shouldStop()) return { stopped: true };
    }
  } catch (error) {
    if (error instanceof ImportFileError) return { stopped: false, reading, rejection: error.message };
    throw error;
  }
  const rejection =
    reading.errorCount > 0 ? `${reading.errorCount} of ${reading.rowsRead} rows are invalid, so nothing was imported.`
    : reading.rowsRead === 0 ? 'The file has no data rows.'
    : null;
  return { stopped: false, reading, rejection };
}

/**
 * The next value of `source`, asked for up to `depth` values ahead: the reader goes on parsing while
 * a batch's COPY drains, commits and the progress and cancel queries run, instead of idling until
 * the next batch asks (the async generator serves queued requests one after another). Failures are
 * settled as they come and rethrown in order, so one never surfaces as an unhandled rejection.
 */
function readAhead<T>(source: AsyncIterable<T>, depth: number): () => Promise<IteratorResult<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const pending: Promise<{ result: IteratorResult<T> } | { error: unknown }>[] = [];
  return async () => {
    while (pending.length < depth) pending.push(iterator.next().then((result) => ({ result }), (error: unknown) => ({ error })));
    const next = await pending.shift()!;
    if ('error' in next) throw next.error;
    return next.result;
  };
}

/** Thrown inside a staging batch's transaction to roll it back. */
class BatchDiscarded extends Error {}

/** Thrown inside the dry-run transaction to roll it back once its counts are known. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Merges the staged rows of `importId` into customers and orders, converted at `p.rates`, marks
 * the import completed and deletes the staged rows — all in one transaction. With `dryRun` the
 * same work is rolled back and only its counts come back. Throws a ConversionError (nothing
 * written) when a currency has no rate (and `p.rates` is not null) or a rate is out of range.
 */
export async function mergeStagedImport(p: MergeStagingParams, options: { dryRun: boolean }): Promise<ImportSummary> {
  try {
    return await withBulkTransaction(async (tx) => {
      await lockWorkspaceImports(tx, p.workspaceId);
      await createStagingTable(tx);
      await tx.query(
        `INSERT INTO import_staging (${STAGING_COLUMNS})
         SELECT ${STAGING_COLUMNS} FROM import_rows WHERE workspace_id = $1 AND import_id = $2`,
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

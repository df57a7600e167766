import { decodeUtf8, NotTextError, readRecords } from '@/lib/csv/read-rows';
import { stageRows } from '@/lib/imports/stage-rows';
import type { ImportTransactionsInput } from '@/lib/validation/imports';
import { importTransactions, ImportRejectedError, type ImportSummary } from './imports';

export interface ImportFileParams {
  workspaceId: string;
  userId: string | null;
  timeZone: string;
  fileName: string;
  bytes: AsyncIterable<Uint8Array>;
  input: ImportTransactionsInput;
}

/**
 * Upload path end to end: bytes → UTF-8 text → records → validated staging CSV → one database
 * transaction. The file streams through; it is never held whole in memory on Postgres.
 * Rejections (invalid rows, no rows, not text) throw ImportRejectedError and write nothing.
 */
export async function importFile(p: ImportFileParams): Promise<ImportSummary> {
  const records = readRecords(decodeUtf8(p.bytes), p.input.delimiter);
  const { chunks, report } = stageRows(records, { ...p.input, timeZone: p.timeZone });
  try {
    return await importTransactions({
      workspaceId: p.workspaceId,
      userId: p.userId,
      fileName: p.fileName,
      currency: p.input.currency,
      options: { ...p.input },
      stagedCsv: chunks,
      report,
    });
  } catch (error) {
    if (error instanceof NotTextError) {
      throw new ImportRejectedError('The file is not UTF-8 text. Export it as CSV (UTF-8) and try again.', report);
    }
    throw error;
  }
}

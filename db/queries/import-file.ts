import type { QualityReport } from '@/lib/imports/quality-report';
import { readImport } from '@/lib/imports/read-import';
import { ImportFileError } from '@/lib/imports/row-error';
import { stageOrders } from '@/lib/imports/stage-rows';
import type { ImportTransactionsInput } from '@/lib/validation/imports';
import { importTransactions, ImportRejectedError, type ImportSummary } from './imports';

export interface ImportFileParams {
  workspaceId: string;
  userId: string | null;
  timeZone: string;
  fileName: string;
  /** Opens the upload from its start; the reader reads it more than once (see readImport). */
  openBytes: () => AsyncIterable<Uint8Array>;
  input: ImportTransactionsInput;
  /** One rate per currency of the file other than the workspace's: { EUR: "1.085" } is 1 EUR = 1.085 of it. */
  rates?: Readonly<Record<string, string>>;
  asOf: Date;
  maxBytes?: number;
}

/** An import's counts plus the data-quality report of its file. */
export type ImportFileResult = ImportSummary & { report: QualityReport | null };

/**
 * Upload path end to end: bytes → preset detected from the header → canonical orders → staging
 * CSV → one database transaction. The file streams through; it is never held whole in memory on
 * Postgres. Rejections (malformed rows, no rows, not text, ambiguous dates, a currency without a
 * rate) throw ImportRejectedError and write nothing. `input.currency` is that of the file's amounts
 * where it names none; the reporting currency is the workspace's.
 */
export async function importFile(p: ImportFileParams): Promise<ImportFileResult> {
  const { delimiter, hasHeader, dateFormat, decimal, currency, customerId, date, amount, orderId, quantity } = p.input;
  const { batches, reading } = readImport({
    openBytes: p.openBytes,
    timeZone: p.timeZone,
    asOf: p.asOf,
    currency,
    maxBytes: p.maxBytes,
    generic: { mapping: { customerId, date, amount, orderId, quantity }, hasHeader, delimiter, dateFormat, decimal },
  });
  // Only the merge knows which lines the workspace already had: it fills the report's placeholder.
  const completeReport = (summary: ImportSummary) =>
    reading.report && { ...reading.report, reimportedOrders: summary.rowsAlreadyImported + summary.refundsUpdated };
  try {
    const summary = await importTransactions({
      workspaceId: p.workspaceId,
      userId: p.userId,
      fileName: p.fileName,
      rates: p.rates ?? {},
      // The options and the data-quality report are kept with the import, to explain it later.
      options: (summary) => ({ ...p.input, preset: reading.preset, report: completeReport(summary) }),
      stagedCsv: stageOrders(batches),
      reading,
    });
    return { ...summary, report: completeReport(summary) };
  } catch (error) {
    if (error instanceof ImportFileError) throw new ImportRejectedError(error.message, reading);
    throw error;
  }
}

import { and, desc, eq } from 'drizzle-orm';
import type { ImportReading } from '@/lib/imports/read-import';
import type { CurrencyTotal } from '@/lib/imports/currency-totals';
import { STAGING_COLUMNS } from '@/lib/imports/stage-rows';
import { withBulkTransaction, type BulkTransaction } from '../bulk';
import { getDb, type Db } from '../index';
import { imports, users } from '../schema';
import { ConversionError } from './convert-staged';
import { mergeStaging } from './merge-staging';
import { analyzeIfBehind } from './planner-statistics';

export interface ImportSummary {
  importId: string;
  rowsRead: number;
  ordersAdded: number;
  refundsAdded: number;
  /** Refund lines of earlier imports whose amount this file changed (a later refund of an old order). */
  refundsUpdated: number;
  /** Sale and refund lines that were already stored unchanged. */
  rowsAlreadyImported: number;
  customersInFile: number;
  customersAdded: number;
  /**
   * Net value of the file's rows in `currency`, each row converted at the import's rate; null only
   * in the review of a file whose foreign currencies have no rate yet (never a mixed-currency sum).
   */
  netTotalMinor: number | null;
  /** The workspace's reporting currency. */
  currency: string;
  /** The file's net total per currency, as the file gave it and converted. */
  currencies: CurrencyTotal[];
}

/** Thrown inside the import transaction when the file cannot be imported whole, so nothing is written. */
export class ImportRejectedError extends Error {
  constructor(
    message: string,
    readonly report: ImportReading,
  ) {
    super(message);
  }
}

export interface ImportTransactionsParams {
  workspaceId: string;
  userId: string | null;
  fileName: string;
  /** One rate per currency of the file other than the workspace's (see mergeStaging). */
  rates: Readonly<Record<string, string>>;
  /** The options and report to keep with the import; called once the rows are merged, with the counts. */
  options: (summary: ImportSummary) => Record<string, unknown>;
  /** CSV chunks for the staging table, from `stageOrders`. */
  stagedCsv: AsyncIterable<string>;
  /** Complete once `stagedCsv` has been consumed. */
  reading: ImportReading;
}

/**
 * Writes one file's rows in one transaction: COPY into a temporary staging table, then set-based
 * merges into customers and orders. Rows already imported (same idempotency key) are skipped.
 * Throws ImportRejectedError — and so rolls back everything — when the file had any invalid row
 * or a currency without a rate.
 */
export async function importTransactions(p: ImportTransactionsParams): Promise<ImportSummary> {
  const summary = await withBulkTransaction(async (tx) => {
    await lockWorkspaceImports(tx, p.workspaceId);
    await createStagingTable(tx);
    await tx.copyCsv(`import_staging (${STAGING_COLUMNS})`, p.stagedCsv);
    const { errorCount, rowsRead } = p.reading;
    if (errorCount > 0) {
      throw new ImportRejectedError(`${errorCount} of ${rowsRead} rows are invalid, so nothing was imported.`, p.reading);
    }
    if (rowsRead === 0) throw new ImportRejectedError('The file has no data rows.', p.reading);
    // The import's currency is the workspace's reporting currency; mergeStaging sets it again.
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO imports (workspace_id, file_name, status, rows_read, orders_added, refunds_added,
         rows_already_imported, customers_in_file, customers_added, net_total_minor, currency, options, rates, created_by)
       SELECT $1, $2, 'importing', $3, 0, 0, 0, 0, 0, 0, w.currency, '{}', $4::text::jsonb, $5 FROM workspaces w WHERE w.id = $1
       RETURNING id`,
      [p.workspaceId, p.fileName, rowsRead, Object.keys(p.rates).length > 0 ? JSON.stringify(p.rates) : null, p.userId],
    );
    try {
      return await mergeStaging(tx, { workspaceId: p.workspaceId, importId: created!.id, rowsRead, rates: p.rates, options: p.options });
    } catch (error) {
      if (error instanceof ConversionError) throw new ImportRejectedError(error.message, p.reading);
      throw error;
    }
  });
  await analyzeIfBehind(p.workspaceId, summary.ordersAdded + summary.refundsAdded);
  return summary;
}

/**
 * One writer of the workspace's orders and customers at a time, until the transaction ends: an
 * import's merge or deletion, the workspace's deletion, a model run replacing its predictions. The
 * aggregate refresh reads the orders table, and two concurrent imports would each overwrite the
 * other's totals with a stale snapshot. Take it before any row lock of the workspace's.
 */
export async function lockWorkspaceImports(tx: BulkTransaction, workspaceId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`import:${workspaceId}`]);
}

/**
 * The transaction's own staging table, dropped at commit: the columns STAGING_COLUMNS (amounts in
 * the row's `currency`), plus the same amounts in the reporting currency, which convertStagedAmounts fills.
 */
export async function createStagingTable(tx: BulkTransaction): Promise<void> {
  await tx.query(`CREATE TEMP TABLE import_staging (
    line_no integer NOT NULL, customer_key text NOT NULL, occurred_at timestamptz NOT NULL,
    gross_minor bigint NOT NULL, refunded_minor bigint NOT NULL, order_id text, quantity integer,
    currency char(3) NOT NULL, gross_converted bigint, refunded_converted bigint) ON COMMIT DROP`);
}

/** One line of the import history: the import's counts plus who made it, and when. */
export interface ImportHistoryRow extends Omit<ImportSummary, 'importId' | 'refundsUpdated' | 'netTotalMinor' | 'currencies'> {
  id: string;
  netTotalMinor: number;
  /** Null for imports made before currencies were converted (all in `currency`) and for unfinished ones. */
  currencyTotals: CurrencyTotal[] | null;
  fileName: string;
  status: string;
  createdAt: Date;
  createdByEmail: string | null;
}

/** The workspace's imports, newest first. */
export async function listImports(workspaceId: string, db?: Db): Promise<ImportHistoryRow[]> {
  const d = db ?? (await getDb());
  return d
    .select({
      id: imports.id, fileName: imports.fileName, status: imports.status, rowsRead: imports.rowsRead,
      ordersAdded: imports.ordersAdded, refundsAdded: imports.refundsAdded, rowsAlreadyImported: imports.rowsAlreadyImported,
      customersInFile: imports.customersInFile, customersAdded: imports.customersAdded, netTotalMinor: imports.netTotalMinor,
      currency: imports.currency, currencyTotals: imports.currencyTotals, createdAt: imports.createdAt, createdByEmail: users.email,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(eq(imports.workspaceId, workspaceId))
    .orderBy(desc(imports.createdAt));
}

/** One import of the workspace, or null (another workspace's id finds nothing). */
export async function getImport(workspaceId: string, importId: string, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d.select().from(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
  return row ?? null;
}

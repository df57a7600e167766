import { and, desc, eq } from 'drizzle-orm';
import type { ImportReading } from '@/lib/imports/read-import';
import { STAGING_COLUMNS } from '@/lib/imports/stage-rows';
import { withBulkTransaction, type BulkTransaction } from '../bulk';
import { getDb, type Db } from '../index';
import { imports, users } from '../schema';

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
  netTotalMinor: number;
  currency: string;
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
  /** Currency of the import when the file has no orders. */
  currency: string;
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
 * Throws ImportRejectedError — and so rolls back everything — when the file had any invalid row.
 */
export async function importTransactions(p: ImportTransactionsParams): Promise<ImportSummary> {
  return withBulkTransaction(async (tx) => {
    await lockWorkspaceImports(tx, p.workspaceId);
    await createStagingTable(tx);
    await tx.copyCsv(`import_staging (${STAGING_COLUMNS})`, p.stagedCsv);
    const { errorCount, rowsRead } = p.reading;
    if (errorCount > 0) {
      throw new ImportRejectedError(`${errorCount} of ${rowsRead} rows are invalid, so nothing was imported.`, p.reading);
    }
    if (rowsRead === 0) throw new ImportRejectedError('The file has no data rows.', p.reading);
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO imports (workspace_id, file_name, status, rows_read, orders_added, refunds_added,
         rows_already_imported, customers_in_file, customers_added, net_total_minor, currency, options, created_by)
       VALUES ($1, $2, 'importing', $3, 0, 0, 0, 0, 0, 0, $4, '{}', $5) RETURNING id`,
      [p.workspaceId, p.fileName, rowsRead, p.currency, p.userId],
    );
    try {
      return await mergeStaging(tx, { workspaceId: p.workspaceId, importId: created!.id, currency: p.currency, rowsRead, options: p.options });
    } catch (error) {
      if (error instanceof StagedCurrencyError) throw new ImportRejectedError(error.message, p.reading);
      throw error;
    }
  });
}

/**
 * One import at a time per workspace, until the transaction ends: the aggregate refresh reads the
 * orders table, and two concurrent imports would each overwrite the other's totals with a stale
 * snapshot.
 */
export async function lockWorkspaceImports(tx: BulkTransaction, workspaceId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`import:${workspaceId}`]);
}

/** The transaction's own staging table (columns STAGING_COLUMNS), dropped at commit. */
export async function createStagingTable(tx: BulkTransaction): Promise<void> {
  await tx.query(`CREATE TEMP TABLE import_staging (
    line_no integer NOT NULL, customer_key text NOT NULL, occurred_at timestamptz NOT NULL,
    gross_minor bigint NOT NULL, refunded_minor bigint NOT NULL, order_id text, quantity integer,
    currency char(3) NOT NULL) ON COMMIT DROP`);
}

/** The staged amounts are not all in the workspace's reporting currency: nothing can be summed. */
export class StagedCurrencyError extends Error {}

/**
 * Merges the staged rows into customers and orders for the import `importId` (whose row exists),
 * refreshes the affected customers' aggregates and marks the import completed with its counts
 * (and `options`, when given, computed from them). Call inside the transaction that holds
 * lockWorkspaceImports. Throws StagedCurrencyError when an amount is in another currency than
 * `currency`, the workspace's.
 */
export async function mergeStaging(
  tx: BulkTransaction,
  p: { workspaceId: string; importId: string; currency: string; rowsRead: number; options?: (summary: ImportSummary) => Record<string, unknown> },
): Promise<ImportSummary> {
  // The staging table is new in this transaction and has no statistics: without them the planner
  // guesses it tiny and joins customers against it row by row, which is quadratic (minutes for
  // CDNOW, hours for a million rows). ANALYZE samples it in milliseconds.
  await tx.query('ANALYZE import_staging');
  const [file] = await tx.query<{ customers: number; net: string; lines: number; currencies: string[] }>(
    `SELECT count(DISTINCT customer_key)::int AS customers, coalesce(sum(gross_minor - refunded_minor), 0)::text AS net,
       (count(*) FILTER (WHERE gross_minor > 0 OR refunded_minor = 0) + count(*) FILTER (WHERE refunded_minor > 0))::int AS lines,
       coalesce(array_agg(DISTINCT currency), '{}') AS currencies
     FROM import_staging`,
  );
  // Metrics add amounts up in the reporting currency; converting needs a rate per currency, which
  // the upload does not ask for yet.
  const others = file!.currencies.map((c) => c.trim()).filter((c) => c !== p.currency);
  if (others.length > 0) {
    throw new StagedCurrencyError(`The file has amounts in ${others.join(', ')}; this workspace reports in ${p.currency}, so import files in ${p.currency} only.`);
  }
  const inserted = await insertCustomers(tx, p.workspaceId);
  const added = await insertOrders(tx, p.workspaceId, p.importId);
  const customersAdded = inserted - (await deleteCustomersWithoutOrders(tx, p.workspaceId));
  await refreshCustomerAggregates(tx, p.workspaceId);
  const summary: ImportSummary = {
    importId: p.importId,
    rowsRead: p.rowsRead,
    ordersAdded: added.orders,
    refundsAdded: added.refunds,
    refundsUpdated: added.updated,
    rowsAlreadyImported: file!.lines - added.orders - added.refunds - added.updated,
    customersInFile: file!.customers,
    customersAdded,
    netTotalMinor: Number(file!.net),
    currency: p.currency,
  };
  await tx.query(
    `UPDATE imports SET status = 'completed', finished_at = now(), orders_added = $3, refunds_added = $4,
       rows_already_imported = $5, customers_in_file = $6, customers_added = $7, net_total_minor = $8,
       options = coalesce($9::jsonb, options)
     WHERE workspace_id = $1 AND id = $2`,
    [p.workspaceId, p.importId, summary.ordersAdded, summary.refundsAdded, summary.rowsAlreadyImported, summary.customersInFile,
      customersAdded, summary.netTotalMinor, p.options ? JSON.stringify(p.options(summary)) : null],
  );
  return summary;
}

async function insertCustomers(tx: BulkTransaction, workspaceId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO customers (workspace_id, external_id)
       SELECT DISTINCT $1::uuid, customer_key FROM import_staging
       ON CONFLICT (workspace_id, external_id) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [workspaceId],
  );
  return row!.n;
}

/**
 * A customer named only on rows that turned out to be stored already (an order id the workspace
 * has under another customer, say) would be left without a single order: such new customers go.
 * Returns how many.
 */
async function deleteCustomersWithoutOrders(tx: BulkTransaction, workspaceId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM customers c
       WHERE c.workspace_id = $1::uuid AND c.order_count = 0 AND c.refunds_minor = 0
         AND c.external_id IN (SELECT customer_key FROM import_staging)
         AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1::uuid AND o.customer_id = c.id)
       RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [workspaceId],
  );
  return row!.n;
}

/**
 * Each staged order becomes a sale line (unless it is refund-only) and, when something was
 * refunded, a refund line. The sale line's key is the order id — or, without one, an md5 of
 * (customer, instant, amount, quantity) — plus the order's occurrence number among equal keys in
 * this file; the refund line's key is the same plus ':refund'. Re-uploading a file adds nothing;
 * two identical purchases in one file stay two orders; and a later export that refunds more of an
 * old order updates that order's refund line (only refund lines are ever updated).
 */
async function insertOrders(tx: BulkTransaction, workspaceId: string, importId: string) {
  const [row] = await tx.query<{ orders: number; refunds: number; updated: number }>(
    `WITH keyed AS (
       SELECT s.*, (s.gross_minor > 0 OR s.refunded_minor = 0) AS has_sale FROM import_staging s),
     based AS (
       SELECT keyed.*, CASE WHEN order_id IS NOT NULL THEN 'o:' || order_id
         ELSE 'f:' || md5(concat_ws('|', customer_key, (extract(epoch FROM occurred_at) * 1000)::bigint,
           CASE WHEN has_sale THEN gross_minor ELSE -refunded_minor END, quantity))
         END AS base_key
       FROM keyed),
     numbered AS (
       SELECT based.*, base_key || ':' || row_number() OVER (PARTITION BY base_key, has_sale ORDER BY line_no) AS order_key FROM based),
     lines AS (
       SELECT line_no, customer_key, order_key AS external_key, order_id, occurred_at, gross_minor AS amount_minor, quantity, currency
       FROM numbered WHERE has_sale
       UNION ALL
       SELECT line_no, customer_key, order_key || ':refund', order_id, occurred_at, -refunded_minor,
         CASE WHEN has_sale THEN NULL ELSE quantity END, currency
       FROM numbered WHERE refunded_minor > 0),
     written AS (
       INSERT INTO orders (workspace_id, customer_id, import_id, external_key, external_order_id, occurred_at, amount_minor, currency, quantity)
       SELECT $1::uuid, c.id, $2::uuid, l.external_key, l.order_id, l.occurred_at, l.amount_minor, l.currency, l.quantity
       FROM lines l JOIN customers c ON c.workspace_id = $1::uuid AND c.external_id = l.customer_key
       ORDER BY l.line_no, l.amount_minor DESC
       ON CONFLICT (workspace_id, external_key) DO UPDATE SET amount_minor = EXCLUDED.amount_minor
         WHERE orders.amount_minor < 0 AND EXCLUDED.amount_minor < 0 AND orders.amount_minor <> EXCLUDED.amount_minor
       RETURNING amount_minor, (xmax = 0) AS is_new)
     SELECT count(*) FILTER (WHERE is_new AND amount_minor >= 0)::int AS orders,
       count(*) FILTER (WHERE is_new AND amount_minor < 0)::int AS refunds,
       count(*) FILTER (WHERE NOT is_new)::int AS updated
     FROM written`,
    [workspaceId, importId],
  );
  return row!;
}

/** The ids of the customers named in the staged file (a subquery; $1 is the workspace id). */
const STAGED_CUSTOMER_IDS = `SELECT c2.id FROM customers c2
  WHERE c2.workspace_id = $1::uuid AND c2.external_id IN (SELECT customer_key FROM import_staging)`;

/**
 * Recomputes the stored per-customer aggregates of the customers that `customerIds` (a trusted
 * subquery of ours, never user input) selects: by default those named in the staged file.
 */
export async function refreshCustomerAggregates(tx: BulkTransaction, workspaceId: string, customerIds = STAGED_CUSTOMER_IDS): Promise<void> {
  await tx.query(
    `UPDATE customers c SET
       order_count = a.order_count, revenue_minor = a.revenue, refunds_minor = a.refunds,
       first_order_at = a.first_at, last_order_at = a.last_at
     FROM (
       SELECT o.customer_id,
         count(*) FILTER (WHERE o.amount_minor >= 0)::int AS order_count,
         coalesce(sum(o.amount_minor) FILTER (WHERE o.amount_minor >= 0), 0) AS revenue,
         coalesce(-sum(o.amount_minor) FILTER (WHERE o.amount_minor < 0), 0) AS refunds,
         -- First and last *purchase*: a later refund does not move the last order date.
         min(o.occurred_at) FILTER (WHERE o.amount_minor >= 0) AS first_at,
         max(o.occurred_at) FILTER (WHERE o.amount_minor >= 0) AS last_at
       FROM orders o
       WHERE o.workspace_id = $1::uuid AND o.customer_id IN (${customerIds})
       GROUP BY o.customer_id) a
     WHERE c.workspace_id = $1::uuid AND c.id = a.customer_id`,
    [workspaceId],
  );
}

/** One line of the import history: the import's counts plus who made it, and when. */
export interface ImportHistoryRow extends Omit<ImportSummary, 'importId' | 'refundsUpdated'> {
  id: string;
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
      currency: imports.currency, createdAt: imports.createdAt, createdByEmail: users.email,
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

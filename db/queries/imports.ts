import { and, desc, eq } from 'drizzle-orm';
import type { StageReport } from '@/lib/imports/stage-rows';
import { withBulkTransaction, type BulkTransaction } from '../bulk';
import { getDb, type Db } from '../index';
import { imports, users } from '../schema';

export interface ImportSummary {
  importId: string;
  rowsRead: number;
  ordersAdded: number;
  refundsAdded: number;
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
    readonly report: StageReport,
  ) {
    super(message);
  }
}

export interface ImportTransactionsParams {
  workspaceId: string;
  userId: string | null;
  fileName: string;
  currency: string;
  options: Record<string, unknown>;
  /** CSV chunks for the staging table, from `stageRows`. */
  stagedCsv: AsyncIterable<string>;
  report: StageReport;
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
    await tx.copyCsv(`import_staging (${STAGED_COLUMNS})`, p.stagedCsv);
    const { errorCount, rowsRead } = p.report;
    if (errorCount > 0) {
      throw new ImportRejectedError(`${errorCount} of ${rowsRead} rows are invalid, so nothing was imported.`, p.report);
    }
    if (rowsRead === 0) throw new ImportRejectedError('The file has no data rows.', p.report);

    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO imports (workspace_id, file_name, status, rows_read, orders_added, refunds_added,
         rows_already_imported, customers_in_file, customers_added, net_total_minor, currency, options, created_by)
       VALUES ($1, $2, 'importing', $3, 0, 0, 0, 0, 0, 0, $4, $5, $6) RETURNING id`,
      [p.workspaceId, p.fileName, p.report.rowsRead, p.currency, JSON.stringify(p.options), p.userId],
    );
    return mergeStaging(tx, { workspaceId: p.workspaceId, importId: created!.id, currency: p.currency, rowsRead: p.report.rowsRead });
  });
}

/** The columns of the temporary `import_staging` table, in the order the staged CSV gives them. */
export const STAGED_COLUMNS = 'line_no, customer_key, occurred_at, amount_minor, order_id, quantity';

/**
 * One import at a time per workspace, until the transaction ends: the aggregate refresh reads the
 * orders table, and two concurrent imports would each overwrite the other's totals with a stale
 * snapshot.
 */
export async function lockWorkspaceImports(tx: BulkTransaction, workspaceId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`import:${workspaceId}`]);
}

/** The transaction's own staging table, dropped at commit. */
export async function createStagingTable(tx: BulkTransaction): Promise<void> {
  await tx.query(`CREATE TEMP TABLE import_staging (
    line_no integer NOT NULL, customer_key text NOT NULL, occurred_at timestamptz NOT NULL,
    amount_minor bigint NOT NULL, order_id text, quantity integer) ON COMMIT DROP`);
}

/**
 * Merges the staged rows into customers and orders for the import `importId` (whose row exists),
 * refreshes the affected customers' aggregates and marks the import completed with its counts.
 * Call inside the transaction that holds lockWorkspaceImports.
 */
export async function mergeStaging(
  tx: BulkTransaction,
  p: { workspaceId: string; importId: string; currency: string; rowsRead: number },
): Promise<ImportSummary> {
  const [file] = await tx.query<{ customers: number; net: string }>(
    `SELECT count(DISTINCT customer_key)::int AS customers, coalesce(sum(amount_minor), 0)::text AS net FROM import_staging`,
  );
  const customersAdded = await insertCustomers(tx, p.workspaceId);
  const added = await insertOrders(tx, p.workspaceId, p.importId, p.currency);
  await refreshCustomerAggregates(tx, p.workspaceId);
  const summary: ImportSummary = {
    importId: p.importId,
    rowsRead: p.rowsRead,
    ordersAdded: added.orders,
    refundsAdded: added.refunds,
    rowsAlreadyImported: p.rowsRead - added.orders - added.refunds,
    customersInFile: file!.customers,
    customersAdded,
    netTotalMinor: Number(file!.net),
    currency: p.currency,
  };
  await tx.query(
    `UPDATE imports SET status = 'completed', finished_at = now(), orders_added = $3, refunds_added = $4,
       rows_already_imported = $5, customers_in_file = $6, customers_added = $7, net_total_minor = $8
     WHERE workspace_id = $1 AND id = $2`,
    [p.workspaceId, p.importId, summary.ordersAdded, summary.refundsAdded, summary.rowsAlreadyImported, summary.customersInFile, customersAdded, summary.netTotalMinor],
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
 * The idempotency key is the order id — or, without one, an md5 of (customer, instant, amount,
 * quantity) — plus the row's occurrence number among equal keys in this file. Re-uploading a file
 * yields the same keys (nothing added); two identical purchases in one file stay two orders.
 */
async function insertOrders(tx: BulkTransaction, workspaceId: string, importId: string, currency: string) {
  const [row] = await tx.query<{ orders: number; refunds: number }>(
    `WITH keyed AS (
       SELECT s.*, CASE WHEN s.order_id IS NOT NULL THEN 'o:' || s.order_id
         ELSE 'f:' || md5(concat_ws('|', s.customer_key, (extract(epoch FROM s.occurred_at) * 1000)::bigint, s.amount_minor, s.quantity))
         END AS base_key
       FROM import_staging s),
     numbered AS (
       SELECT keyed.*, base_key || ':' || row_number() OVER (PARTITION BY base_key ORDER BY line_no) AS external_key FROM keyed),
     inserted AS (
       INSERT INTO orders (workspace_id, customer_id, import_id, external_key, external_order_id, occurred_at, amount_minor, currency, quantity)
       SELECT $1::uuid, c.id, $2::uuid, n.external_key, n.order_id, n.occurred_at, n.amount_minor, $3, n.quantity
       FROM numbered n JOIN customers c ON c.workspace_id = $1::uuid AND c.external_id = n.customer_key
       ORDER BY n.line_no
       ON CONFLICT (workspace_id, external_key) DO NOTHING
       RETURNING amount_minor)
     SELECT count(*) FILTER (WHERE amount_minor >= 0)::int AS orders, count(*) FILTER (WHERE amount_minor < 0)::int AS refunds FROM inserted`,
    [workspaceId, importId, currency],
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
export interface ImportHistoryRow extends Omit<ImportSummary, 'importId'> {
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

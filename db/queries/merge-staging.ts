import { sumConverted } from '@/lib/imports/currency-totals';
import type { BulkTransaction } from '../bulk';
import { refreshCustomerAggregates, REVISED_CUSTOMER_IDS } from './customer-aggregates';
import { convertStagedAmounts } from './convert-staged';
import { planJoinsForWorkspace, type PendingRows } from './planner-statistics';
import type { ImportSummary } from './imports';

export interface MergeStagingParams {
  workspaceId: string;
  importId: string;
  rowsRead: number;
  /**
   * One rate per currency of the file other than the workspace's ({ EUR: "1.085" }: 1 EUR = 1.085
   * reporting currency). Null only for the rolled-back dry run before the user has given them:
   * it counts exactly, but reports no converted total for those currencies.
   */
  rates: Readonly<Record<string, string>> | null;
  /** The options and report to keep with the import, computed from its counts. */
  options?: (summary: ImportSummary) => Record<string, unknown>;
}

/**
 * Merges the staged rows (import_staging) into customers and orders for the import `importId`
 * (whose row exists): converts them into the workspace's reporting currency, refreshes the
 * affected customers' aggregates and marks the import completed with its counts. Call inside the
 * transaction that holds lockWorkspaceImports. Throws a ConversionError (nothing is written) when a
 * currency of the file has no rate or a rate is out of range.
 */
export async function mergeStaging(tx: BulkTransaction, p: MergeStagingParams): Promise<ImportSummary> {
  // The staging table is new in this transaction and has no statistics: without them the planner
  // guesses it tiny and joins customers against it row by row, which is quadratic (minutes for
  // CDNOW, hours for a million rows). ANALYZE samples it in milliseconds.
  await tx.query('ANALYZE import_staging');
  // The key numbering sorts every staged row; at the default 4 MB a million rows spill some
  // 200 MB of external merge to disk. For this transaction only.
  await tx.query("SET LOCAL work_mem = '256MB'");
  // Each of these statements runs once over the whole file: JIT compiling them (~0.5 s on a
  // million rows) costs more than it saves.
  await tx.query('SET LOCAL jit = off');
  // The reporting currency is read here, in the transaction, so no caller can pass another one.
  const [workspace] = await tx.query<{ currency: string }>('SELECT currency FROM workspaces WHERE id = $1', [p.workspaceId]);
  // The workspace's deletion waits for this transaction (lockWorkspaceImports); one that went first leaves nothing to merge into.
  if (!workspace) throw new Error(`workspace ${p.workspaceId} no longer exists`);
  const currency = workspace.currency;
  const currencies = await convertStagedAmounts(tx, currency, p.rates);
  const staged = await countStaged(tx);
  const customersInFile = staged.customers;
  // Before the first statement that joins the workspace's customers or orders.
  await planJoinsForWorkspace(tx, p.workspaceId, staged);
  await buildImportLines(tx, p.workspaceId);
  const updated = await updateRefundLines(tx, p.workspaceId, p.importId);
  const customersAdded = await addToCustomers(tx, p.workspaceId);
  const added = await insertOrders(tx, p.workspaceId, p.importId);
  // The owners of the refund lines this import changed (a later export may name an order under
  // another customer than the one it is stored under): their sums are recomputed from their orders.
  if (updated > 0) await refreshCustomerAggregates(tx, p.workspaceId, REVISED_CUSTOMER_IDS, [p.importId]);
  const summary: ImportSummary = {
    importId: p.importId,
    rowsRead: p.rowsRead,
    ordersAdded: added.orders,
    refundsAdded: added.refunds,
    refundsUpdated: updated,
    rowsAlreadyImported: added.lines - added.orders - added.refunds - updated,
    customersInFile,
    customersAdded,
    netTotalMinor: sumConverted(currencies),
    currency,
    currencies,
  };
  // A null net total (the dry run without rates) keeps the column's 0: that update is rolled back.
  await tx.query(
    `UPDATE imports SET status = 'completed', finished_at = now(), orders_added = $3, refunds_added = $4,
       rows_already_imported = $5, customers_in_file = $6, customers_added = $7, net_total_minor = coalesce($8, net_total_minor),
       currency = $9, currency_totals = $10::text::jsonb, options = coalesce($11::text::jsonb, options)
     WHERE workspace_id = $1 AND id = $2`,
    [p.workspaceId, p.importId, summary.ordersAdded, summary.refundsAdded, summary.rowsAlreadyImported, summary.customersInFile,
      customersAdded, summary.netTotalMinor, currency, JSON.stringify(currencies), p.options ? JSON.stringify(p.options(summary)) : null],
  );
  return summary;
}

/**
 * The staged orders and their distinct customer keys, in one pass (hash-grouped: no sort of a
 * million keys).
 */
async function countStaged(tx: BulkTransaction): Promise<PendingRows> {
  const [row] = await tx.query<PendingRows>(
    'SELECT coalesce(sum(n), 0)::int AS orders, count(*)::int AS customers FROM (SELECT count(*) AS n FROM import_staging GROUP BY customer_key) k',
  );
  return row!;
}

/**
 * Writes the file's order lines into the temporary table import_lines, in one pass over the staged
 * rows: each staged order becomes a sale line (unless it is refund-only) and, when something was
 * refunded, a refund line. The sale line's key is the order id — or, without one, an md5 of
 * (customer, instant, original amount, quantity) — plus the order's occurrence number among equal
 * keys in this file; the refund line's key is the same plus ':refund'; the stored key is the md5
 * of that text as a uuid (migration 0010). Re-uploading a file adds nothing, whatever rate it is
 * converted at (keys and the refund-line change test use the amounts as the file gave them), and
 * two identical purchases in one file stay two orders. `is_new` marks the lines whose key the
 * workspace does not hold yet: exactly those are inserted, and only they add to their customers'
 * sums. Rows are numbered among equal keys by grouping on what the key is made of rather than on
 * the md5 itself: the same groups (up to an md5 collision), but a sort over ordered text instead
 * of a random hash, several times faster.
 *
 * amount_minor is the converted amount; a NULL converted column means the row is in the
 * reporting currency already — or, only in the rolled-back dry run before rates are given, that
 * its rate is not known yet (the counts do not depend on it).
 */
async function buildImportLines(tx: BulkTransaction, workspaceId: string): Promise<void> {
  await tx.query(
    `CREATE TEMP TABLE import_lines ON COMMIT DROP AS
     WITH keyed AS (
       SELECT s.*, (s.gross_minor > 0 OR s.refunded_minor = 0) AS has_sale FROM import_staging s),
     fingerprinted AS (
       SELECT keyed.*, CASE WHEN order_id IS NULL THEN concat_ws('|', customer_key, (extract(epoch FROM occurred_at) * 1000)::bigint,
         CASE WHEN has_sale THEN gross_minor ELSE -refunded_minor END, quantity) END AS fingerprint
       FROM keyed),
     numbered AS (
       SELECT f.*, CASE WHEN order_id IS NOT NULL THEN 'o:' || order_id ELSE 'f:' || md5(fingerprint) END
         || ':' || row_number() OVER (PARTITION BY order_id IS NULL, coalesce(order_id, fingerprint) COLLATE "C", has_sale ORDER BY line_no) AS order_key
       FROM fingerprinted f),
     lines AS (
       SELECT n.customer_key, n.line_no, n.order_id, n.occurred_at, n.currency,
         md5(CASE WHEN line.is_sale THEN n.order_key ELSE n.order_key || ':refund' END)::uuid AS external_key,
         CASE WHEN line.is_sale THEN coalesce(n.gross_converted, n.gross_minor) ELSE -coalesce(n.refunded_converted, n.refunded_minor) END AS amount_minor,
         CASE WHEN line.is_sale THEN n.gross_minor ELSE -n.refunded_minor END AS original_amount_minor,
         CASE WHEN line.is_sale OR NOT n.has_sale THEN n.quantity END AS quantity
       FROM numbered n
       CROSS JOIN LATERAL (VALUES (true), (false)) AS line(is_sale)
       WHERE CASE WHEN line.is_sale THEN n.has_sale ELSE n.refunded_minor > 0 END)
     SELECT l.*, NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1::uuid AND o.external_key = l.external_key) AS is_new
     FROM lines l`,
    [workspaceId],
  );
  await tx.query('ANALYZE import_lines');
}

/**
 * A later export that refunds more of an order already held updates that order's refund line,
 * converted at this import's rate (only refund lines are ever updated), keeping what the line held
 * in refund_revisions so that deleting this import can put it back. Returns how many lines changed.
 */
async function updateRefundLines(tx: BulkTransaction, workspaceId: string, importId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH changing AS (
       SELECT o.id, o.amount_minor, o.original_amount_minor, o.currency, l.amount_minor AS new_amount,
         l.original_amount_minor AS new_original, l.currency AS new_currency
       FROM import_lines l JOIN orders o ON o.workspace_id = $1::uuid AND o.external_key = l.external_key
       WHERE NOT l.is_new AND l.amount_minor < 0 AND o.amount_minor < 0
         AND (o.original_amount_minor, o.currency) IS DISTINCT FROM (l.original_amount_minor, l.currency)),
     revised AS (
       INSERT INTO refund_revisions (workspace_id, order_id, import_id, previous_amount_minor, previous_original_amount_minor, previous_currency)
       SELECT $1::uuid, id, $2::uuid, amount_minor, original_amount_minor, currency FROM changing ORDER BY id),
     updated AS (
       UPDATE orders o SET amount_minor = c.new_amount, original_amount_minor = c.new_original, currency = c.new_currency
       FROM changing c
       WHERE o.workspace_id = $1::uuid AND o.id = c.id
       RETURNING 1)
     SELECT count(*)::int AS n FROM updated`,
    [workspaceId, importId],
  );
  return row!.n;
}

/**
 * Adds the new lines to their customers' stored sums (order count, revenue, refunds, first and
 * last purchase): customers the workspace has are updated, the others inserted with their sums —
 * one write per customer instead of an insert, then an update recomputing them from the orders.
 * A customer named only on lines the workspace holds already (an order id it has under another
 * customer, say) is not created. Returns how many customers were created.
 */
async function addToCustomers(tx: BulkTransaction, workspaceId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH additions AS (
       SELECT customer_key,
         count(*) FILTER (WHERE amount_minor >= 0)::int AS order_count,
         coalesce(sum(amount_minor) FILTER (WHERE amount_minor >= 0), 0) AS revenue,
         coalesce(-sum(amount_minor) FILTER (WHERE amount_minor < 0), 0) AS refunds,
         -- First and last *purchase*: a later refund does not move the last order date.
         min(occurred_at) FILTER (WHERE amount_minor >= 0) AS first_at,
         max(occurred_at) FILTER (WHERE amount_minor >= 0) AS last_at
       FROM import_lines WHERE is_new GROUP BY customer_key),
     updated AS (
       -- least and greatest ignore NULLs: a customer's first purchase stays NULL only without any.
       UPDATE customers c SET order_count = c.order_count + a.order_count, revenue_minor = c.revenue_minor + a.revenue,
         refunds_minor = c.refunds_minor + a.refunds, first_order_at = least(c.first_order_at, a.first_at),
         last_order_at = greatest(c.last_order_at, a.last_at)
       FROM additions a
       WHERE c.workspace_id = $1::uuid AND c.external_id = a.customer_key),
     inserted AS (
       INSERT INTO customers (workspace_id, external_id, order_count, revenue_minor, refunds_minor, first_order_at, last_order_at)
       SELECT $1::uuid, a.customer_key, a.order_count, a.revenue, a.refunds, a.first_at, a.last_at
       FROM additions a
       WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = $1::uuid AND c.external_id = a.customer_key)
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [workspaceId],
  );
  return row!.n;
}

/**
 * Inserts the new lines as orders of their customers. The merge holds the workspace's import lock,
 * so no other import writes these keys meanwhile: is_new, decided at the start of the merge,
 * replaces ON CONFLICT, whose speculative insertion cost more than the insert itself. Returns the
 * orders and refunds added and the file's lines.
 */
async function insertOrders(tx: BulkTransaction, workspaceId: string, importId: string) {
  await tx.query(
    `INSERT INTO orders (workspace_id, customer_id, import_id, external_key, external_order_id, occurred_at,
       amount_minor, original_amount_minor, currency, quantity)
     SELECT $1::uuid, c.id, $2::uuid, l.external_key, l.order_id, l.occurred_at, l.amount_minor, l.original_amount_minor, l.currency, l.quantity
     FROM import_lines l JOIN customers c ON c.workspace_id = $1::uuid AND c.external_id = l.customer_key
     WHERE l.is_new
     ORDER BY c.id, l.occurred_at, l.line_no, l.amount_minor DESC`,
    [workspaceId, importId],
  );
  const [counts] = await tx.query<{ orders: number; refunds: number; lines: number }>(
    `SELECT count(*) FILTER (WHERE is_new AND amount_minor >= 0)::int AS orders, count(*) FILTER (WHERE is_new AND amount_minor < 0)::int AS refunds,
       count(*)::int AS lines
     FROM import_lines`,
  );
  return counts!;
}

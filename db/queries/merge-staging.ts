import { sumConverted } from '@/lib/imports/currency-totals';
import type { BulkTransaction } from '../bulk';
import { refreshCustomerAggregates, REVISED_CUSTOMER_IDS, STAGED_CUSTOMER_IDS } from './customer-aggregates';
import { convertStagedAmounts } from './convert-staged';
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
  // The reporting currency is read here, in the transaction, so no caller can pass another one.
  const [workspace] = await tx.query<{ currency: string }>('SELECT currency FROM workspaces WHERE id = $1', [p.workspaceId]);
  const currency = workspace!.currency;
  const currencies = await convertStagedAmounts(tx, currency, p.rates);
  const [file] = await tx.query<{ customers: number; lines: number }>(
    `SELECT count(DISTINCT customer_key)::int AS customers,
       (count(*) FILTER (WHERE gross_minor > 0 OR refunded_minor = 0) + count(*) FILTER (WHERE refunded_minor > 0))::int AS lines
     FROM import_staging`,
  );
  const inserted = await insertCustomers(tx, p.workspaceId);
  const added = await insertOrders(tx, p.workspaceId, p.importId);
  const customersAdded = inserted - (await deleteCustomersWithoutOrders(tx, p.workspaceId));
  // The staged customers, and the owners of the refund lines this import changed: a later export
  // may name an order under another customer than the one it is stored under.
  await refreshCustomerAggregates(tx, p.workspaceId, `${STAGED_CUSTOMER_IDS} UNION ${REVISED_CUSTOMER_IDS}`, [p.importId]);
  const summary: ImportSummary = {
    importId: p.importId,
    rowsRead: p.rowsRead,
    ordersAdded: added.orders,
    refundsAdded: added.refunds,
    refundsUpdated: added.updated,
    rowsAlreadyImported: file!.lines - added.orders - added.refunds - added.updated,
    customersInFile: file!.customers,
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
 * (customer, instant, original amount, quantity) — plus the order's occurrence number among equal
 * keys in this file; the refund line's key is the same plus ':refund'. Re-uploading a file adds
 * nothing, whatever rate it is converted at (keys and the change test below use the amounts as
 * the file gave them); two identical purchases in one file stay two orders; and a later export
 * that refunds more of an old order updates that order's refund line, converted at the later
 * import's rate (only refund lines are ever updated), keeping what the line held in
 * refund_revisions.
 *
 * amount_minor is the converted amount; a NULL converted column means the row is in the
 * reporting currency already — or, only in the rolled-back dry run before rates are given, that
 * its rate is not known yet (the counts do not depend on it).
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
       -- COLLATE "C": grouping equal keys needs no locale order, and byte comparison sorts them several times faster.
       SELECT based.*, base_key || ':' || row_number() OVER (PARTITION BY base_key COLLATE "C", has_sale ORDER BY line_no) AS order_key FROM based),
     lines AS (
       SELECT line_no, customer_key, order_key AS external_key, order_id, occurred_at,
         coalesce(gross_converted, gross_minor) AS amount_minor, gross_minor AS original_amount_minor, quantity, currency
       FROM numbered WHERE has_sale
       UNION ALL
       SELECT line_no, customer_key, order_key || ':refund', order_id, occurred_at,
         -coalesce(refunded_converted, refunded_minor), -refunded_minor, CASE WHEN has_sale THEN NULL ELSE quantity END, currency
       FROM numbered WHERE refunded_minor > 0),
     joined AS (
       SELECT c.id AS customer_id, l.* FROM lines l JOIN customers c ON c.workspace_id = $1::uuid AND c.external_id = l.customer_key),
     -- The merge holds the workspace's import lock, so no other import writes these keys meanwhile:
     -- an explicit update and anti-join insert replace ON CONFLICT, whose speculative insertion
     -- cost more than the insert itself. Both see the orders as they were before this statement.
     changing AS (
       SELECT o.id, o.amount_minor, o.original_amount_minor, o.currency, j.amount_minor AS new_amount,
         j.original_amount_minor AS new_original, j.currency AS new_currency
       FROM orders o JOIN joined j ON o.workspace_id = $1::uuid AND o.external_key = j.external_key
       WHERE o.amount_minor < 0 AND j.amount_minor < 0
         AND (o.original_amount_minor, o.currency) IS DISTINCT FROM (j.original_amount_minor, j.currency)),
     -- What each changed line held before, so deleting this import can put it back (refund_revisions).
     revised AS (
       INSERT INTO refund_revisions (workspace_id, order_id, import_id, previous_amount_minor, previous_original_amount_minor, previous_currency)
       SELECT $1::uuid, id, $2::uuid, amount_minor, original_amount_minor, currency FROM changing ORDER BY id),
     updated AS (
       UPDATE orders o SET amount_minor = c.new_amount, original_amount_minor = c.new_original, currency = c.new_currency
       FROM changing c
       WHERE o.workspace_id = $1::uuid AND o.id = c.id
       RETURNING 1),
     inserted AS (
       INSERT INTO orders (workspace_id, customer_id, import_id, external_key, external_order_id, occurred_at,
         amount_minor, original_amount_minor, currency, quantity)
       SELECT $1::uuid, j.customer_id, $2::uuid, j.external_key, j.order_id, j.occurred_at, j.amount_minor, j.original_amount_minor, j.currency, j.quantity
       FROM joined j
       WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1::uuid AND o.external_key = j.external_key)
       -- By customer and time, as orders_workspace_customer_idx: that index and the customer key
       -- check then touch each page once, not once per row.
       ORDER BY j.customer_id, j.occurred_at, j.line_no, j.amount_minor DESC
       RETURNING amount_minor)
     SELECT (SELECT count(*) FROM inserted WHERE amount_minor >= 0)::int AS orders,
       (SELECT count(*) FROM inserted WHERE amount_minor < 0)::int AS refunds,
       (SELECT count(*) FROM updated)::int AS updated`,
    [workspaceId, importId],
  );
  return row!;
}

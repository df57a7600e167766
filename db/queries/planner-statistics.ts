import { withBulkTransaction, type BulkTransaction } from '../bulk';

// Every workspace shares the orders and customers tables, and the planner's statistics about them
// are a sample taken at the last ANALYZE. A workspace that grew since is, to the planner, as small
// as it was then — often "one row" — and nested loops over that "one row" are quadratic or worse:
// a 999-row file into a workspace of 200,000 orders the statistics had not seen took 44 s to
// merge (break-it pass 6: 70–90 s; deleting a 20,000-row import 5 s, 40,000 rows 21 s). Hash joins
// are linear whatever the estimates say, so the merge and the import deletion plan without nested
// loops unless the statistics know the workspace; and an import that leaves them behind refreshes
// them once it is committed.

/** Files this large plan without nested loops anyway: they touch much of their workspace. */
const LARGE_IMPORT_ROWS = 1_000;

/** Rows about to be written by the transaction, which the statistics cannot know yet. */
export interface PendingRows {
  orders: number;
  customers: number;
}

const NONE: PendingRows = { orders: 0, customers: 0 };

/**
 * What the workspace's completed imports wrote: exact for order lines (only imports write them, and
 * deleting an import deletes its row), close for customers. One row per import, where counting the
 * orders would read the workspace's whole index.
 */
async function writtenByImports(tx: BulkTransaction, workspaceId: string): Promise<PendingRows> {
  const [row] = await tx.query<{ orders: number; customers: number }>(
    `SELECT coalesce(sum(orders_added + refunds_added), 0)::float8 AS orders, coalesce(sum(customers_added), 0)::float8 AS customers
     FROM imports WHERE workspace_id = $1 AND status = 'completed'`,
    [workspaceId],
  );
  return { orders: Number(row!.orders), customers: Number(row!.customers) };
}

/**
 * Whether the planner's estimates of the workspace's orders and customers are at least half of
 * `rows` (a factor of two leaves the plans sound).
 */
async function statisticsKnow(tx: BulkTransaction, workspaceId: string, rows: PendingRows): Promise<boolean> {
  return (await estimatedRows(tx, 'orders', workspaceId)) >= rows.orders / 2
    && (await estimatedRows(tx, 'customers', workspaceId)) >= rows.customers / 2;
}

/** The planner's estimate of the workspace's rows in `table` (EXPLAIN: planned for this id, not run). */
async function estimatedRows(tx: BulkTransaction, table: 'orders' | 'customers', workspaceId: string): Promise<number> {
  const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table} WHERE workspace_id = $1::uuid`, [workspaceId]);
  const plan = row!['QUERY PLAN'];
  const [root] = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: { 'Plan Rows': number } }];
  return root.Plan['Plan Rows'];
}

/**
 * For the rest of the transaction: no nested loops when `pending.orders` reach LARGE_IMPORT_ROWS
 * or the statistics do not know the workspace (see the top of this file). A small file into a
 * workspace the statistics know keeps the planner's index lookups, which are faster there.
 */
export async function planJoinsForWorkspace(tx: BulkTransaction, workspaceId: string, pending: PendingRows = NONE): Promise<void> {
  if (pending.orders < LARGE_IMPORT_ROWS) {
    const written = await writtenByImports(tx, workspaceId);
    const expected = { orders: written.orders + pending.orders, customers: written.customers + pending.customers };
    if (await statisticsKnow(tx, workspaceId, expected)) return;
  }
  await tx.query('SET LOCAL enable_nestloop = off');
}

/** Per workspace, the lines it had when this process last ran ANALYZE for it. */
const analyzedAt = new Map<string, number>();

/**
 * Call after an import is committed (its report saved, its model run queued): when it wrote
 * LARGE_IMPORT_ROWS lines or more and the statistics no longer know the workspace, ANALYZE
 * (PostgreSQL docs, "Populating a Database": run ANALYZE after a bulk load) rather than wait until
 * autovacuum gets to tables every workspace shares. ANALYZE reads a sample of fixed size (about
 * 0.3 s on 8M orders). A workspace too small for the statistics to name it stays unknown however
 * often they are taken (break-it pass 7: after every 999-row file from the 16th on), so the same
 * workspace is analysed again only once its lines have doubled; meanwhile planJoinsForWorkspace
 * keeps its merges linear. Waits at most 2 s for a VACUUM or another ANALYZE of the same tables.
 */
export async function analyzeIfBehind(workspaceId: string, linesWritten: number): Promise<void> {
  if (linesWritten < LARGE_IMPORT_ROWS) return;
  try {
    await withBulkTransaction(async (tx) => {
      const written = await writtenByImports(tx, workspaceId);
      if (written.orders < 2 * (analyzedAt.get(workspaceId) ?? 0) || (await statisticsKnow(tx, workspaceId, written))) return;
      await tx.query("SET LOCAL lock_timeout = '2s'");
      await tx.query('ANALYZE orders, customers');
      analyzedAt.set(workspaceId, written.orders);
    });
  } catch (error) {
    // The import is committed: a failure here (a lock not granted in time) must not turn it into a failed one.
    console.error('ANALYZE after an import failed', error);
  }
}

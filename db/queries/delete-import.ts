import { withBulkTransaction } from '../bulk';
import { lockWorkspaceImports } from './imports';
import { refreshCustomerAggregates } from './merge-staging';

/** Imports in these states hold no job and may be deleted; the others must finish or be cancelled first. */
const DELETABLE = ['completed', 'rejected', 'failed', 'cancelled'];

/**
 * Deletes an import and exactly its rows, in one transaction: its orders (and refund lines), the
 * customers who had no other orders, and the staged rows; the remaining customers' aggregates are
 * recomputed. Returns what was removed; 'not-found' when the workspace has no such import, and
 * 'running' when a job still works on it.
 */
export async function deleteImport(workspaceId: string, importId: string): Promise<{ ordersRemoved: number; customersRemoved: number } | 'not-found' | 'running'> {
  return withBulkTransaction(async (tx) => {
    await lockWorkspaceImports(tx, workspaceId);
    const [found] = await tx.query<{ status: string }>('SELECT status FROM imports WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [workspaceId, importId]);
    if (!found) return 'not-found';
    if (!DELETABLE.includes(found.status)) return 'running';
    await tx.query(
      `CREATE TEMP TABLE affected_customers ON COMMIT DROP AS
       SELECT DISTINCT customer_id FROM orders WHERE workspace_id = $1 AND import_id = $2`,
      [workspaceId, importId],
    );
    const [orders] = await tx.query<{ n: number }>(
      `WITH gone AS (DELETE FROM orders WHERE workspace_id = $1 AND import_id = $2 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [workspaceId, importId],
    );
    await tx.query('DELETE FROM imports WHERE workspace_id = $1 AND id = $2', [workspaceId, importId]);
    const [customers] = await tx.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM customers c WHERE c.workspace_id = $1 AND c.id IN (SELECT customer_id FROM affected_customers)
           AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1 AND o.customer_id = c.id)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [workspaceId],
    );
    await refreshCustomerAggregates(tx, workspaceId, 'SELECT customer_id FROM affected_customers');
    return { ordersRemoved: orders!.n, customersRemoved: customers!.n };
  });
}

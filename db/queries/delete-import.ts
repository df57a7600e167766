import { withBulkTransaction, type BulkTransaction } from '../bulk';
import { lockWorkspaceImports } from './imports';
import { refreshCustomerAggregates, REVISED_CUSTOMER_IDS } from './customer-aggregates';
import { planJoinsForWorkspace } from './planner-statistics';

/** Imports in these states hold no job and may be deleted; the others must finish or be cancelled first. */
const DELETABLE = ['completed', 'rejected', 'failed', 'cancelled'];

/**
 * Deletes an import and exactly its effect, in one transaction: its orders (and refund lines), the
 * refund lines of earlier imports it changed go back to what they held, the customers who had no
 * other orders go, and the remaining customers' aggregates are recomputed. Returns what was removed; 'not-found' when the workspace has no such import, and
 * 'running' when a job still works on it.
 */
export interface DeletedImport {
  fileName: string;
  /** Its status when deleted: only a completed import had written anything. */
  status: string;
  /** Sale lines removed. */
  ordersRemoved: number;
  /** Refund lines removed. */
  refundsRemoved: number;
  /** Refund lines of earlier imports put back as they were before this import changed them. */
  refundsRestored: number;
  customersRemoved: number;
}

export async function deleteImport(workspaceId: string, importId: string): Promise<DeletedImport | 'not-found' | 'running'> {
  return withBulkTransaction(async (tx) => {
    await lockWorkspaceImports(tx, workspaceId);
    const [found] = await tx.query<{ status: string; file_name: string }>('SELECT status, file_name FROM imports WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [workspaceId, importId]);
    if (!found) return 'not-found';
    if (!DELETABLE.includes(found.status)) return 'running';
    // The statistics may not know how large the workspace has grown (see planner-statistics.ts).
    await planJoinsForWorkspace(tx, workspaceId);
    await tx.query(
      `CREATE TEMP TABLE affected_customers ON COMMIT DROP AS
       SELECT customer_id FROM orders WHERE workspace_id = $1 AND import_id = $2
       UNION ${REVISED_CUSTOMER_IDS}`,
      [workspaceId, importId],
    );
    // A temporary table has no statistics until analysed.
    await tx.query('ANALYZE affected_customers');
    const refundsRestored = await undoRefundRevisions(tx, workspaceId, importId);
    const [orders] = await tx.query<{ sales: number; refunds: number }>(
      `WITH gone AS (DELETE FROM orders WHERE workspace_id = $1 AND import_id = $2 RETURNING amount_minor)
       SELECT count(*) FILTER (WHERE amount_minor >= 0)::int AS sales, count(*) FILTER (WHERE amount_minor < 0)::int AS refunds FROM gone`,
      [workspaceId, importId],
    );
    // Staged rows are gone once an import has ended; the delete is for a job that died mid-way.
    await tx.query('DELETE FROM import_rows WHERE workspace_id = $1 AND import_id = $2', [workspaceId, importId]);
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
    return { fileName: found.file_name, status: found.status, ordersRemoved: orders!.sales, refundsRemoved: orders!.refunds, refundsRestored, customersRemoved: customers!.n };
  });
}

/**
 * Takes back the import's changes to earlier refund lines. Where a later import changed the same
 * line again, the line keeps that later value and the later revision inherits this one's
 * "before", so deleting the later import afterwards still restores the original line.
 */
async function undoRefundRevisions(tx: BulkTransaction, workspaceId: string, importId: string): Promise<number> {
  await tx.query(
    `UPDATE refund_revisions next SET previous_amount_minor = r.previous_amount_minor,
       previous_original_amount_minor = r.previous_original_amount_minor, previous_currency = r.previous_currency
     FROM refund_revisions r
     WHERE r.workspace_id = $1 AND r.import_id = $2 AND next.workspace_id = $1 AND next.order_id = r.order_id
       AND next.id = (SELECT min(m.id) FROM refund_revisions m WHERE m.workspace_id = $1 AND m.order_id = r.order_id AND m.id > r.id)`,
    [workspaceId, importId],
  );
  const [restored] = await tx.query<{ n: number }>(
    `WITH put_back AS (
     UPDATE orders o SET amount_minor = r.previous_amount_minor, original_amount_minor = r.previous_original_amount_minor,
       currency = r.previous_currency
     FROM refund_revisions r
     WHERE r.workspace_id = $1 AND r.import_id = $2 AND o.workspace_id = $1 AND o.id = r.order_id
       AND NOT EXISTS (SELECT 1 FROM refund_revisions m WHERE m.workspace_id = $1 AND m.order_id = r.order_id AND m.id > r.id)
     RETURNING 1)
     SELECT count(*)::int AS n FROM put_back`,
    [workspaceId, importId],
  );
  await tx.query('DELETE FROM refund_revisions WHERE workspace_id = $1 AND import_id = $2', [workspaceId, importId]);
  return restored!.n;
}

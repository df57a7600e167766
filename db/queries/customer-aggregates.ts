import type { BulkTransaction } from '../bulk';

// The stored per-customer aggregates (order count, revenue, refunds, first and last purchase) are
// recomputed in SQL from the orders where an import's deletion removed them and where a merge
// changed lines already held (a merge adds its new lines to the sums: merge-staging.ts).

/** The owners of the refund lines the import $2 changed (a subquery; $1 is the workspace id). */
export const REVISED_CUSTOMER_IDS = `SELECT o2.customer_id FROM refund_revisions r2
  JOIN orders o2 ON o2.workspace_id = r2.workspace_id AND o2.id = r2.order_id
  WHERE r2.workspace_id = $1::uuid AND r2.import_id = $2::uuid`;

/**
 * Recomputes the stored per-customer aggregates (reporting currency) of the customers that
 * `customerIds` (a trusted subquery of ours, never user input) selects.
 */
export async function refreshCustomerAggregates(
  tx: BulkTransaction, workspaceId: string, customerIds: string, params: readonly unknown[] = [],
): Promise<void> {
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
    [workspaceId, ...params],
  );
}

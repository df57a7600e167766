import { sql } from 'drizzle-orm';
import type { PurchaseHistory } from '@/lib/metrics/clv';
import { getDb, queryRows, type Db } from '../index';

export interface WorkspaceHistories {
  /** One per customer with orders, by customer id; `customerId` is the customers.id as text. */
  histories: PurchaseHistory[];
  /** Last day with any order (refunds included), days since 1970-01-01; null without orders. */
  lastDay: number | null;
}

type HistoryRow = { id: string; days: string; nets: string; last_day: number };

/**
 * Every customer's purchase days, built in SQL so that orders never leave the database: orders on
 * one calendar day in the workspace time zone merge into one occasion of net value Σ amount_minor,
 * and a day after the first whose net is ≤ 0 (a refund, a free replacement) is not a purchase — the
 * rules of collectPurchaseHistories in lib/metrics/clv/summary.ts. Days are days since 1970-01-01,
 * values minor units. Only one row per customer (two short lists) reaches Node.
 */
export async function listPurchaseHistories(
  workspace: { id: string; timeZone: string },
  db?: Db,
): Promise<WorkspaceHistories> {
  const d = db ?? (await getDb());
  // The lists travel as text: both drivers return text alike, while their array parsing differs.
  const rows = await queryRows<HistoryRow>(
    d,
    sql`WITH days AS (
          SELECT customer_id, (occurred_at AT TIME ZONE ${workspace.timeZone})::date - DATE '1970-01-01' AS day,
            sum(amount_minor) AS net
          FROM orders WHERE workspace_id = ${workspace.id}
          GROUP BY 1, 2),
        purchases AS (
          SELECT customer_id, day, net, day = min(day) OVER (PARTITION BY customer_id) AS is_first FROM days)
        SELECT customer_id::text AS id, string_agg(day::text, ',' ORDER BY day) AS days,
          string_agg(net::text, ',' ORDER BY day) AS nets, (SELECT max(day) FROM days) AS last_day
        FROM purchases WHERE is_first OR net > 0
        GROUP BY customer_id ORDER BY customer_id`,
  );
  const histories = rows.map((r) => ({ customerId: r.id, days: r.days.split(',').map(Number), values: r.nets.split(',').map(Number) }));
  return { histories, lastDay: rows.length ? Number(rows[0]!.last_day) : null };
}

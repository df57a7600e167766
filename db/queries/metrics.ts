import { sql } from 'drizzle-orm';
import type { PeriodAggregate } from '@/lib/metrics/historic';
import { CLV_BUCKET_EDGES } from '@/lib/metrics/clv-distribution';
import { periodKey, type PeriodUnit } from '@/lib/metrics/periods';
import { minorUnitDigits } from '@/lib/money';
import { getDb, queryRows, type Db } from '../index';

export interface PeriodAggregateRow extends PeriodAggregate {
  /** "1997-Q1", "1997-01", "1997", or "all". */
  key: string;
}

type AggregateSqlRow = { start: string | null; orders: number; revenue: number; refunds: number; active: number; repeaters: number };

/**
 * Sums per period in SQL: orders, revenue, refunds, active and repeat customers. Periods are
 * calendar periods in the workspace time zone. `all` returns one row for the whole history.
 */
export async function listPeriodAggregates(
  workspace: { id: string; timeZone: string },
  unit: PeriodUnit,
  db?: Db,
): Promise<PeriodAggregateRow[]> {
  const d = db ?? (await getDb());
  const period =
    unit === 'all'
      ? sql`NULL::text`
      : sql`to_char(date_trunc(${unit}, o.occurred_at AT TIME ZONE ${workspace.timeZone}), 'YYYY-MM-DD')`;
  const rows = await queryRows<AggregateSqlRow>(
    d,
    sql`WITH per_customer AS (
          SELECT ${period} AS start, o.customer_id,
            count(*) FILTER (WHERE o.amount_minor >= 0) AS orders,
            coalesce(sum(o.amount_minor) FILTER (WHERE o.amount_minor >= 0), 0) AS revenue,
            coalesce(-sum(o.amount_minor) FILTER (WHERE o.amount_minor < 0), 0) AS refunds
          FROM orders o WHERE o.workspace_id = ${workspace.id}
          GROUP BY 1, 2)
        SELECT start, sum(orders)::float8 AS orders, sum(revenue)::float8 AS revenue, sum(refunds)::float8 AS refunds,
          (count(*) FILTER (WHERE orders > 0))::float8 AS active, (count(*) FILTER (WHERE orders >= 2))::float8 AS repeaters
        FROM per_customer GROUP BY start ORDER BY start`,
  );
  if (unit === 'all' && rows.length === 0) {
    return [{ key: 'all', orders: 0, revenueMinor: 0, refundsMinor: 0, activeCustomers: 0, repeatCustomers: 0 }];
  }
  return rows.map((r) => ({
    key: unit === 'all' || r.start === null ? 'all' : periodKey(unit, r.start),
    orders: Number(r.orders),
    revenueMinor: Number(r.revenue),
    refundsMinor: Number(r.refunds),
    activeCustomers: Number(r.active),
    repeatCustomers: Number(r.repeaters),
  }));
}

/**
 * Customer counts per historic-CLV bucket (edges in CLV_BUCKET_EDGES, major units), counted in
 * SQL with width_bucket over the stored per-customer aggregates.
 */
export async function listClvDistribution(workspace: { id: string; currency: string }, db?: Db): Promise<number[]> {
  const d = db ?? (await getDb());
  const scale = 10 ** minorUnitDigits(workspace.currency);
  const edges = `{${CLV_BUCKET_EDGES.map((e) => e * scale).join(',')}}`;
  const rows = await queryRows<{ bucket: number; n: number }>(
    d,
    sql`SELECT width_bucket(revenue_minor - refunds_minor, ${edges}::bigint[]) AS bucket, count(*)::float8 AS n
        FROM customers WHERE workspace_id = ${workspace.id} AND order_count + refunds_minor > 0
        GROUP BY 1 ORDER BY 1`,
  );
  const counts = new Array<number>(CLV_BUCKET_EDGES.length + 1).fill(0);
  for (const r of rows) counts[Number(r.bucket)] = Number(r.n);
  return counts;
}

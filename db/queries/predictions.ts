import { and, eq, sql } from 'drizzle-orm';
import { getDb, queryRows, type Db } from '../index';
import { customerPredictions, type CustomerPrediction } from '../schema';

/** Below this P(alive) a customer counts as at risk of having churned. */
export const AT_RISK_P_ALIVE = 0.5;

export interface PredictionSummary {
  /** The run whose predictions these are (only one run's are kept per workspace). */
  modelRunId: string;
  customers: number;
  /** Σ predicted 12-month CLV, minor units; null when the run had no spend model. */
  clvTotalMinor: number | null;
  /** Mean predicted 12-month CLV per predicted customer, minor units (fractional). */
  clvMeanMinor: number | null;
  /** Σ expected repeat purchases in the next 12 months. */
  expectedPurchases: number;
  /** Customers with P(alive) < AT_RISK_P_ALIVE. */
  atRisk: number;
  overdue: number;
}

type SummaryRow = { run: string; n: number; clv_total: number | null; purchases: number; at_risk: number; overdue: number };

/** Totals over the workspace's stored predictions, summed in SQL; null when there are none. */
export async function getPredictionSummary(workspaceId: string, db?: Db): Promise<PredictionSummary | null> {
  const d = db ?? (await getDb());
  const [row] = await queryRows<SummaryRow>(
    d,
    sql`SELECT model_run_id::text AS run, count(*)::float8 AS n, sum(predicted_clv_12m_minor)::float8 AS clv_total,
          sum(expected_purchases_12m)::float8 AS purchases,
          (count(*) FILTER (WHERE probability_alive < ${AT_RISK_P_ALIVE}))::float8 AS at_risk,
          (count(*) FILTER (WHERE overdue))::float8 AS overdue
        FROM customer_predictions WHERE workspace_id = ${workspaceId}
        GROUP BY model_run_id`,
  );
  if (!row) return null;
  const customers = Number(row.n);
  const clvTotal = row.clv_total === null ? null : Number(row.clv_total);
  return {
    modelRunId: row.run,
    customers,
    clvTotalMinor: clvTotal,
    clvMeanMinor: clvTotal === null ? null : clvTotal / customers,
    expectedPurchases: Number(row.purchases),
    atRisk: Number(row.at_risk),
    overdue: Number(row.overdue),
  };
}

/** One customer's stored prediction, or null (none yet, or another workspace's customer). */
export async function getCustomerPrediction(workspaceId: string, customerId: number, db?: Db): Promise<CustomerPrediction | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select()
    .from(customerPredictions)
    .where(and(eq(customerPredictions.workspaceId, workspaceId), eq(customerPredictions.customerId, customerId)));
  return row ?? null;
}

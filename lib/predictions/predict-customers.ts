// A workspace's purchase histories → one fitted model and a prediction per customer, in the shape the
// database stores. Pure (no db, no clock) so that the run can be tested and triggered from anywhere.
import {
  monthLength,
  runModel,
  summarizeHistories,
  type PurchaseHistory,
  type TimeUnit,
  type TransactionModelName,
} from '@/lib/metrics/clv';
import type { ModelParams } from './types';

/** Predictions look 12 calendar months past the calibration end (expected purchases and CLV). */
export const PREDICTION_MONTHS = 12;

export interface PredictCustomersInput {
  histories: PurchaseHistory[];
  model: TransactionModelName;
  unit: TimeUnit;
  /** YYYY-MM-DD: purchases after it are ignored; customers first seen after it are not predicted. */
  calibrationEnd: string;
  /** 0–1, applied to expected spend in CLV. */
  grossMargin: number;
  monthlyDiscountRate: number;
}

/** Column-wise predictions; row i is customer `customerIds[i]`. Money in minor units, rounded. */
export interface PredictionRows {
  customerIds: number[];
  expectedPurchases: Float64Array;
  probabilityAlive: Float64Array;
  overdue: Uint8Array;
  expectedSpendMinor: Float64Array | null;
  clvMinor: Float64Array | null;
}

export type PredictCustomersResult =
  | {
      ok: true;
      params: ModelParams;
      spendParams: ModelParams | null;
      /** Null only when the parameters were given rather than fitted. */
      logLikelihood: number | null;
      customersFitted: number;
      /** What could not be computed (no spend model, so no CLV), in plain words; null when everything was. */
      note: string | null;
      rows: PredictionRows;
    }
  | {
      ok: false;
      message: string;
      customersFitted: number;
      /** False when the optimiser did not settle; null when there was too little data to try, or the fit was not at fault. */
      converged: false | null;
    };

/**
 * Summarises each history at the calibration end (x, t_x, T, mean repeat spend in minor units;
 * rules in lib/metrics/clv/summary.ts), fits the transaction model and Gamma-Gamma, and predicts
 * E[purchases in 12 months], P(alive), overdue, expected spend and 12-month CLV at the given margin
 * and discount rate. A fit the data cannot support, or any non-finite prediction, is a failure
 * with a message for the user: nothing NaN or infinite is ever returned.
 */
export function predictCustomers(input: PredictCustomersInput): PredictCustomersResult {
  const { customers } = summarizeHistories(input.histories, { calibrationEnd: input.calibrationEnd, unit: input.unit });
  const result = runModel({
    customers,
    model: input.model,
    unit: input.unit,
    horizon: PREDICTION_MONTHS * monthLength(input.unit),
    clv: { months: PREDICTION_MONTHS, margin: input.grossMargin, monthlyDiscountRate: input.monthlyDiscountRate },
  });
  if (!result.ok) {
    const converged = result.failure.reason === 'did-not-converge' ? false : null;
    return { ok: false, message: result.failure.message, customersFitted: customers.length, converged };
  }
  const p = result.predictions;
  const fitted = result.transactions;
  const spendParams = result.spend?.ok ? { ...result.spend.params } : null;
  const rows: PredictionRows = {
    customerIds: customers.map((c) => Number(c.customerId)),
    expectedPurchases: p.expectedPurchases,
    probabilityAlive: p.probabilityAlive,
    overdue: p.overdue,
    expectedSpendMinor: p.expectedSpend && p.expectedSpend.map(Math.round),
    clvMinor: p.clv && p.clv.map(Math.round),
  };
  const bad = countInvalid(rows);
  if (bad > 0) {
    const message = `the fitted model gave no usable prediction for ${bad} of ${customers.length} customers`;
    return { ok: false, message, customersFitted: customers.length, converged: null };
  }
  return {
    ok: true,
    params: { ...fitted.params },
    spendParams,
    logLikelihood: 'logLikelihood' in fitted ? fitted.logLikelihood : null,
    customersFitted: customers.length,
    note: spendNote(result.spend, p.clv !== null),
    rows,
  };
}

function spendNote(spend: { ok: boolean; message?: string } | null, hasClv: boolean): string | null {
  if (spend && !spend.ok) return `no predicted CLV: the spend model could not be fitted (${spend.message})`;
  if (!hasClv) return 'no predicted CLV: the spend model gives one-time buyers no finite mean spend';
  return null;
}

/** Customers with a prediction that is not finite or out of range (the database would refuse it). */
function countInvalid(rows: PredictionRows): number {
  let bad = 0;
  for (let i = 0; i < rows.customerIds.length; i++) {
    const alive = rows.probabilityAlive[i]!;
    const purchases = rows.expectedPurchases[i]!;
    const money = [rows.expectedSpendMinor?.[i] ?? 0, rows.clvMinor?.[i] ?? 0];
    if (!(alive >= 0 && alive <= 1) || !(purchases >= 0 && Number.isFinite(purchases)) || !money.every(Number.isSafeInteger)) bad++;
  }
  return bad;
}

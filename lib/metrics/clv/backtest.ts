// Calibration/holdout backtest (Fader, Hardie & Lee 2005, §4 and Figures 2–4): fit on purchases up to
// the calibration end, predict each customer's holdout purchases, and compare the cohort's weekly
// cumulative repeat purchases with the model's E[X(t − s_i)] summed over customers (s_i = acquisition).
import { compressSummaries } from './compress';
import { predictRows } from './predict-rows';
import type { FitFailure } from './results';
import { daysPerUnit, requireDay, summarizeHistories, type PurchaseHistory, type TimeUnit } from './summary';
import { ClvInputError } from './errors';
import { getTransactionModel, type TransactionModelName, type TransactionParams } from './transaction-models';

export interface BacktestInput {
  histories: PurchaseHistory[];
  model: TransactionModelName;
  /** Last calibration day and last holdout day, YYYY-MM-DD, inclusive. */
  calibrationEnd: string;
  holdoutEnd: string;
  unit: TimeUnit;
  /** Skip the fit and use these parameters. */
  params?: TransactionParams;
}

export interface BacktestCustomer {
  customerId: string;
  predicted: number;
  actual: number;
}

export interface CumulativePoint {
  /** Week number since the first acquisition day; the point is the end of that week. */
  week: number;
  predicted: number;
  actual: number;
}

export interface BacktestSuccess {
  ok: true;
  model: TransactionModelName;
  params: TransactionParams;
  customers: BacktestCustomer[];
  /** Mean absolute error, root mean squared error and mean (predicted − actual), purchases per customer. */
  mae: number;
  rmse: number;
  bias: number;
  predictedTotal: number;
  actualTotal: number;
  weekly: CumulativePoint[];
}

export type BacktestResult = BacktestSuccess | { ok: false; model: TransactionModelName; failure: FitFailure<TransactionParams> };

/** Runs the backtest; throws ClvInputError when the holdout does not follow the calibration. */
export function runBacktest(input: BacktestInput): BacktestResult {
  const model = getTransactionModel(input.model);
  const calEnd = requireDay(input.calibrationEnd, 'calibration end');
  const holdEnd = requireDay(input.holdoutEnd, 'holdout end');
  if (holdEnd <= calEnd) throw new ClvInputError('invalid-option', 'holdout end must be after the calibration end');
  const scale = daysPerUnit(input.unit);
  const summary = summarizeHistories(input.histories, { calibrationEnd: input.calibrationEnd, unit: input.unit });
  const data = compressSummaries({
    frequency: summary.customers.map((c) => c.frequency),
    recency: summary.customers.map((c) => c.recency),
    T: summary.customers.map((c) => c.T),
  });
  let params = input.params;
  if (!params) {
    const fit = model.fit(data);
    if (!fit.ok) return { ok: false, model: model.name, failure: fit };
    params = fit.params;
  }
  const horizon = (holdEnd - calEnd) / scale;
  const rows = predictRows(model, params, data, [horizon]);
  const cohort = input.histories.filter((h) => h.days[0]! <= calEnd);
  const customers: BacktestCustomer[] = cohort.map((h, i) => ({
    customerId: h.customerId,
    predicted: rows.expectedPurchases[0]![data.rowOf[i]!]!,
    actual: h.days.filter((d, k) => k > 0 && d > calEnd && d <= holdEnd).length,
  }));
  let abs = 0;
  let sq = 0;
  let predictedTotal = 0;
  let actualTotal = 0;
  for (const c of customers) {
    const e = c.predicted - c.actual;
    abs += Math.abs(e);
    sq += e * e;
    predictedTotal += c.predicted;
    actualTotal += c.actual;
  }
  const n = Math.max(customers.length, 1);
  return {
    ok: true,
    model: model.name,
    params,
    customers,
    mae: abs / n,
    rmse: Math.sqrt(sq / n),
    bias: (predictedTotal - actualTotal) / n,
    predictedTotal,
    actualTotal,
    weekly: cumulativeByWeek(cohort, holdEnd, (t) => model.expectedPurchasesNew(params, t / scale)),
  };
}

/**
 * Cumulative repeat purchases at the end of each week w (day 7w after the first acquisition day):
 * actual = repeat purchases before that day; predicted = Σ_i E[X(7w − s_i)] over customers acquired by
 * then, with s_i the acquisition day. E[X] is evaluated once per distinct acquisition day.
 */
export function cumulativeByWeek(cohort: PurchaseHistory[], lastDay: number, expectedNew: (days: number) => number): CumulativePoint[] {
  if (cohort.length === 0) return [];
  // A loop, not Math.min(...): one argument per customer overflows the stack past ~120,000 customers.
  let origin = Infinity;
  for (const h of cohort) origin = Math.min(origin, h.days[0]!);
  const weeks = Math.ceil((lastDay - origin + 1) / 7);
  const acquisitions = new Map<number, number>();
  const actualPerWeek = new Float64Array(weeks + 1);
  for (const h of cohort) {
    acquisitions.set(h.days[0]!, (acquisitions.get(h.days[0]!) ?? 0) + 1);
    for (let k = 1; k < h.days.length; k++) {
      const week = Math.floor((h.days[k]! - origin) / 7) + 1;
      if (h.days[k]! <= lastDay) actualPerWeek[week]!++;
    }
  }
  const points: CumulativePoint[] = [];
  let actual = 0;
  for (let w = 1; w <= weeks; w++) {
    actual += actualPerWeek[w]!;
    let predicted = 0;
    for (const [day, count] of acquisitions) {
      const elapsed = origin + 7 * w - day;
      if (elapsed > 0) predicted += count * expectedNew(elapsed);
    }
    points.push({ week: w, predicted, actual });
  }
  return points;
}

// How well the workspace's model predicts purchases it has not seen: fit on the first half of the
// history, predict the second half, compare per customer. Pure (no db, no clock).
import { formatDay, runBacktest, type PurchaseHistory, type TimeUnit, type TransactionModelName } from '@/lib/metrics/clv';
import type { BacktestOutcome } from './types';

/** Shortest history worth a backtest: four weeks to fit and four to check. */
export const MIN_BACKTEST_DAYS = 56;

/**
 * The split: calibration ends at first day + ⌊(last − first) / 2⌋ and the holdout runs to the last
 * day, so each half is about as long as the other. This is the CDNOW convention of Fader, Hardie &
 * Lee (2005): 1997-01-01 … 1998-06-30 splits at 1997-09-30, 39 weeks + 39 weeks.
 */
export function chooseBacktestSplit(firstDay: number, lastDay: number): { calibrationEnd: string; holdoutEnd: string } | null {
  if (lastDay - firstDay < MIN_BACKTEST_DAYS) return null;
  return { calibrationEnd: formatDay(firstDay + Math.floor((lastDay - firstDay) / 2)), holdoutEnd: formatDay(lastDay) };
}

/**
 * Backtests `model` over all the workspace's history (`lastDay` = last order day), whatever
 * calibration end the run itself uses. Metrics are repeat purchases per customer in the holdout:
 * MAE, RMSE and bias = mean(predicted − actual). Too little history or a first half that cannot
 * support a fit, or a holdout without a repeat purchase, gives { ok: false, reason } instead.
 */
export function backtestWorkspace(input: {
  histories: PurchaseHistory[];
  lastDay: number;
  model: TransactionModelName;
  unit: TimeUnit;
}): BacktestOutcome {
  // A loop, not Math.min(...): spreading a million arguments overflows the stack.
  let firstDay = Infinity;
  for (const h of input.histories) firstDay = Math.min(firstDay, h.days[0]!);
  const split = chooseBacktestSplit(firstDay, input.lastDay);
  if (!split) {
    const span = input.lastDay - firstDay;
    return { ok: false, reason: `the order history spans ${span} days; a backtest needs at least ${MIN_BACKTEST_DAYS}, half to fit and half to check` };
  }
  const result = runBacktest({ histories: input.histories, model: input.model, unit: input.unit, ...split });
  if (!result.ok) return { ok: false, reason: `the first half of the history cannot support a fit: ${result.failure.message}` };
  const metrics = { mae: result.mae, rmse: result.rmse, bias: result.bias, predictedTotal: result.predictedTotal, actualTotal: result.actualTotal };
  if (!Object.values(metrics).every(Number.isFinite)) return { ok: false, reason: 'the backtest gave a non-finite error' };
  // A holdout without a single repeat purchase (a gap of years in the data, say) would score a
  // near-perfect error while measuring nothing.
  if (result.actualTotal === 0) {
    return { ok: false, reason: `no customer bought again between ${split.calibrationEnd} and ${split.holdoutEnd}, so there was nothing to check the model against` };
  }
  return { ok: true, ...split, customers: result.customers.length, ...metrics };
}

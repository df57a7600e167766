// How the overview presents a failed model run. A small workspace fails the fit as a matter of course
// (too few repeat buyers, or an optimiser that runs a parameter off to zero because the data do not
// pin the model down); that is a state to wait out, not an error, so it gets its own wording. Only
// the presentation changes: the run's stored status and message stay as the run wrote them.
import { formatCount } from '@/lib/format';
import { MIN_HISTORY_DAYS, MIN_REPEAT_CUSTOMERS } from '@/lib/imports/quality-report';
import { monthKeysBetween } from '@/lib/metrics/periods';

/** Stored when a workspace has no orders at all (run-model-for-workspace.ts). */
export const NO_ORDERS_MESSAGE = 'no orders to fit a model to';

/**
 * Rough guide, not a hard limit: below it a failed fit is put down to too little data. The same bar
 * as the import's data-quality report ("This file alone has enough history for the predictive models"), so the two pages
 * agree; history is counted in calendar months here because the overview aggregates by month.
 */
export const GUIDE_HISTORY_MONTHS = Math.ceil(MIN_HISTORY_DAYS / 30);

/** All-time shape of the workspace's orders, as the overview already aggregates them. */
export interface WorkspaceDataShape {
  customers: number;
  /** Customers with two or more orders. */
  repeatBuyers: number;
  /** Calendar months from the first order's month to the last order's, inclusive. */
  historyMonths: number;
}

export type FailedRunKind = 'not-enough-data' | 'error';

/**
 * 'not-enough-data' when the model said so before fitting ("not enough …", no orders), or when the
 * optimiser did not converge on a workspace below the guide; everything else (a fit that diverged on
 * plenty of data, unusable predictions, an unexpected error) stays an error.
 */
export function classifyFailedRun(run: { message: string | null; converged: boolean | null }, data: WorkspaceDataShape): FailedRunKind {
  const message = run.message ?? '';
  if (message === NO_ORDERS_MESSAGE || message.startsWith('not enough ')) return 'not-enough-data';
  const isSmall = data.repeatBuyers < MIN_REPEAT_CUSTOMERS || data.historyMonths < GUIDE_HISTORY_MONTHS;
  return run.converged === false && isSmall ? 'not-enough-data' : 'error';
}

/** "2 repeat buyers among 4 customers, over 3 months of orders. As a rough guide, …" */
export function explainNotEnoughData(data: WorkspaceDataShape): string {
  const have = `This workspace has ${formatCount(data.repeatBuyers, 'repeat buyer')} among ${formatCount(data.customers, 'customer')}, over ${formatCount(data.historyMonths, 'month')} of orders.`;
  const need = `Predictions learn from customers who come back, so as a rough guide they need at least ${formatCount(MIN_REPEAT_CUSTOMERS, 'repeat buyer')} and ${formatCount(GUIDE_HISTORY_MONTHS, 'month')} of history.`;
  return `${have} ${need} The historic metrics below are complete; predictions will appear after an import brings more history.`;
}

/** Months from "YYYY-MM" `first` to `last`, inclusive; 0 when either is missing or malformed. */
export function countMonthsSpanned(first: string | undefined, last: string | undefined): number {
  return monthKeysBetween(first, last).length;
}

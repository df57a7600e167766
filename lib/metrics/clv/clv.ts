// Discounted customer lifetime value over calendar months, and the next-purchase timing signals.
import type { TimeUnit } from './summary';
import type { RateParams } from './transaction-models';

/** Mean calendar month: 365.25 / 12 = 30.4375 days. */
export const CALENDAR_MONTH_DAYS = 365.25 / 12;
/** lifetimes' month for freq='W': 4.345 weeks (it uses 30 days for freq='D'). */
export const LIFETIMES_MONTH_WEEKS = 4.345;

export type MonthConvention = 'calendar' | 'lifetimes';

/** Length of one month in the given time unit: calendar mean, or lifetimes' 4.345 weeks / 30 days. */
export function monthLength(unit: TimeUnit, convention: MonthConvention = 'calendar'): number {
  if (convention === 'lifetimes') return unit === 'weeks' ? LIFETIMES_MONTH_WEEKS : 30;
  return unit === 'weeks' ? CALENDAR_MONTH_DAYS / 7 : CALENDAR_MONTH_DAYS;
}

export interface ClvOptions {
  /** Number of months in the horizon (default 12). */
  months: number;
  /** Discount rate per month, e.g. 0.01 (default). */
  monthlyDiscountRate: number;
  /** Gross margin applied to spend, 0–1 (default 1 = revenue). */
  margin: number;
  /** One month in the data's time unit (see monthLength). */
  monthLength: number;
}

/** Month-end times ℓ, 2ℓ, …, Mℓ at which cumulative expected purchases are needed. */
export function clvHorizons(options: ClvOptions): number[] {
  return Array.from({ length: options.months }, (_, i) => (i + 1) * options.monthLength);
}

/**
 * CLV = margin · E[spend] · Σ_{i=1..M} (E[Y(iℓ)] − E[Y((i−1)ℓ)]) / (1+d)^i, in currency: each month's
 * incremental expected purchases, discounted to today (lifetimes' customer_lifetime_value convention).
 * `cumulative[i]` is E[Y((i+1)ℓ)].
 */
export function discountedClv(cumulative: ArrayLike<number>, spend: number, options: ClvOptions): number {
  let total = 0;
  let previous = 0;
  let discount = 1;
  for (let i = 0; i < options.months; i++) {
    discount /= 1 + options.monthlyDiscountRate;
    const now = cumulative[i]!;
    total += (now - previous) * discount;
    previous = now;
  }
  return options.margin * spend * total;
}

/**
 * Median wait until the next purchase of a customer alive at T, from T on, in the data's time unit.
 * Given alive, λ | x, T ~ gamma(r+x, α+T) (the same for BG/NBD, MBG/NBD and Pareto/NBD), so the wait
 * is Lomax: P(W > w) = ((α+T)/(α+T+w))^(r+x) and the median is (α+T)(2^(1/(r+x)) − 1). The median is
 * used because the mean (α+T)/(r+x−1) is infinite whenever r + x ≤ 1.
 */
export function medianTimeToNextPurchase(p: RateParams, x: number, T: number): number {
  return (p.alpha + T) * Math.expm1(Math.LN2 / (p.r + x));
}

/**
 * Overdue: the silence since the last purchase, T − t_x, is longer than the median gap between this
 * customer's purchases, (α+T)(2^(1/(r+x)) − 1). Silence is measured from the first purchase when x = 0.
 */
export function isOverdue(p: RateParams, x: number, tx: number, T: number): boolean {
  return T - tx > medianTimeToNextPurchase(p, x, T);
}

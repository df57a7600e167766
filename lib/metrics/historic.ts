/**
 * Historic (backward-looking) customer metrics. Inputs are aggregates summed in SQL over orders;
 * money is in integer minor units of the workspace currency. Pure: no database, no clock.
 *
 * Conventions: an order is a sale line (amount ≥ 0, zero-value lines included); a refund is a
 * line with amount < 0. Revenue is the sum of sales; refunds are the sum of refund amounts as a
 * positive number; net revenue = revenue − refunds.
 */

/** Sums over the orders of one customer. */
export interface CustomerAggregate {
  orderCount: number;
  revenueMinor: number;
  refundsMinor: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
}

export interface CustomerMetrics {
  orders: number;
  revenueMinor: number;
  refundsMinor: number;
  /** Historic CLV net of refunds: revenue − refunds (minor units). */
  netClvMinor: number;
  /** Average order value: revenue ÷ orders (minor units, fractional); 0 without orders. */
  aovMinor: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
}

/** Per-customer metrics: net historic CLV = revenue − refunds; AOV = revenue ÷ orders. */
export function customerMetrics(c: CustomerAggregate): CustomerMetrics {
  return {
    orders: c.orderCount,
    revenueMinor: c.revenueMinor,
    refundsMinor: c.refundsMinor,
    netClvMinor: c.revenueMinor - c.refundsMinor,
    aovMinor: safeDivide(c.revenueMinor, c.orderCount),
    firstOrderAt: c.firstOrderAt,
    lastOrderAt: c.lastOrderAt,
  };
}

/** Sums over all orders in a period (or all time). */
export interface PeriodAggregate {
  orders: number;
  revenueMinor: number;
  refundsMinor: number;
  /** Distinct customers with at least one order in the period. */
  activeCustomers: number;
  /** Distinct customers with two or more orders in the period. */
  repeatCustomers: number;
}

export interface PeriodMetrics extends PeriodAggregate {
  /** revenue − refunds (minor units). */
  netRevenueMinor: number;
  /** AOV = revenue ÷ orders (minor units, fractional). */
  aovMinor: number;
  /** Purchase frequency = orders ÷ active customers (orders per customer). */
  purchaseFrequency: number;
  /** Customer value = AOV × purchase frequency = revenue ÷ active customers (minor units). */
  customerValueMinor: number;
  /** Repeat-customer rate = repeat customers ÷ active customers (0–1). */
  repeatRate: number;
  /** Mean historic CLV = net revenue ÷ active customers (minor units). */
  meanClvMinor: number;
}

/** Turns a period's sums into the KPI set; every ratio is 0 (not NaN) for an empty period. */
export function periodMetrics(p: PeriodAggregate): PeriodMetrics {
  const aovMinor = safeDivide(p.revenueMinor, p.orders);
  const purchaseFrequency = safeDivide(p.orders, p.activeCustomers);
  return {
    ...p,
    netRevenueMinor: p.revenueMinor - p.refundsMinor,
    aovMinor,
    purchaseFrequency,
    customerValueMinor: aovMinor * purchaseFrequency,
    repeatRate: safeDivide(p.repeatCustomers, p.activeCustomers),
    meanClvMinor: safeDivide(p.revenueMinor - p.refundsMinor, p.activeCustomers),
  };
}

function safeDivide(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

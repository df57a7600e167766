// Transactions → per-customer sufficient statistics (x, t_x, T, m_x) at a calibration end. The
// conventions are those of tests/fixtures/datasets/README.md (Fader, Hardie & Lee 2005):
//  - orders on the same calendar day (in the workspace time zone) merge into one occasion;
//  - the first order day is the acquisition; a later day whose net value is ≤ 0 (a refund, a free
//    replacement) is not a purchase. The acquisition day counts whatever its value, as in lifetimes and
//    BTYD: CDNOW has customers whose only order was $0.00, and they are part of the cohort;
//  - x = later purchase days up to the calibration end; t_x = last of them − first day (0 if x = 0);
//    T = calibration end − first day; times in days or weeks (days / 7);
//  - monetary value = mean net value of the repeat purchase days only (0 when x = 0);
//  - customers whose first order is after the calibration end are left out and counted.
import { assertTimeZone, formatDay, parseDay, toDay } from './calendar';
import { ClvInputError } from './errors';

export type TimeUnit = 'days' | 'weeks';

export interface Transaction {
  customerId: string;
  /** YYYY-MM-DD (a calendar day), an ISO timestamp, or a Date. */
  date: string | Date;
  /** Net value of the order; negative for a refund. */
  amount: number;
}

/** One customer's purchase occasions: sorted day numbers with the net value of each day. */
export interface PurchaseHistory {
  customerId: string;
  days: number[];
  values: number[];
}

export interface SummaryOptions {
  /** Last day of calibration, YYYY-MM-DD, inclusive. */
  calibrationEnd: string;
  unit: TimeUnit;
  /** IANA time zone in which timestamps are assigned to days; default UTC. */
  timeZone?: string;
}

export interface CustomerSummary {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
  /** First purchase day, YYYY-MM-DD. */
  firstPurchase: string;
}

export interface SummaryResult {
  customers: CustomerSummary[];
  /** Customers left out because their first order is after the calibration end. */
  firstPurchaseAfterCalibration: number;
}

/** Length of one unit in days. */
export function daysPerUnit(unit: TimeUnit): number {
  return unit === 'weeks' ? 7 : 1;
}

/** Day number of a YYYY-MM-DD option, or ClvInputError('invalid-option') naming `what`. */
export function requireDay(text: string, what: string): number {
  const day = parseDay(text);
  if (day === null) throw new ClvInputError('invalid-option', `${what} must be a date YYYY-MM-DD, got "${text}"`);
  return day;
}

/** Merges orders into purchase days per customer (first-seen customer order) and drops non-purchases. */
export function collectPurchaseHistories(transactions: Iterable<Transaction>, timeZone = 'UTC'): PurchaseHistory[] {
  assertTimeZone(timeZone);
  const byCustomer = new Map<string, Map<number, number>>();
  let row = 0;
  for (const t of transactions) {
    const day = toDay(t.date, timeZone);
    if (day === null) throw new ClvInputError('invalid-transaction', `row ${row + 1}: unreadable date "${String(t.date)}"`, row);
    if (!Number.isFinite(t.amount)) throw new ClvInputError('invalid-transaction', `row ${row + 1}: amount is not a number`, row);
    if (!t.customerId) throw new ClvInputError('invalid-transaction', `row ${row + 1}: empty customer id`, row);
    let days = byCustomer.get(t.customerId);
    if (!days) byCustomer.set(t.customerId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + t.amount);
    row++;
  }
  const histories: PurchaseHistory[] = [];
  for (const [customerId, dayValues] of byCustomer) {
    const sorted = [...dayValues.entries()].sort((p, q) => p[0] - q[0]);
    const kept = sorted.filter(([, value], i) => i === 0 || value > 0);
    histories.push({ customerId, days: kept.map((d) => d[0]), values: kept.map((d) => d[1]) });
  }
  return histories;
}

/** Sufficient statistics of each history at the calibration end (see the header for the rules). */
export function summarizeHistories(histories: PurchaseHistory[], options: SummaryOptions): SummaryResult {
  const end = requireDay(options.calibrationEnd, 'calibration end');
  const scale = daysPerUnit(options.unit);
  const customers: CustomerSummary[] = [];
  let after = 0;
  for (const h of histories) {
    const first = h.days[0]!;
    if (first > end) {
      after++;
      continue;
    }
    let x = 0;
    let last = first;
    let total = 0;
    for (let i = 1; i < h.days.length && h.days[i]! <= end; i++) {
      x++;
      last = h.days[i]!;
      total += h.values[i]!;
    }
    customers.push({
      customerId: h.customerId,
      frequency: x,
      recency: (last - first) / scale,
      T: (end - first) / scale,
      monetaryValue: x > 0 ? total / x : 0,
      firstPurchase: formatDay(first),
    });
  }
  return { customers, firstPurchaseAfterCalibration: after };
}

/** Transactions → summaries in one call: collectPurchaseHistories then summarizeHistories. */
export function summarizeTransactions(transactions: Iterable<Transaction>, options: SummaryOptions): SummaryResult {
  return summarizeHistories(collectPurchaseHistories(transactions, options.timeZone), options);
}

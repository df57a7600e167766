import { hasSaleLine, type CanonicalOrder, type ExclusionReason, type RowOutcome } from './canonical';
import { NumberSet } from './number-set';
import type { PresetName } from './presets/types';

export const MAX_EXAMPLE_ROWS = 5;
// Rules of thumb for the repeat-purchase models (BG/NBD, Pareto/NBD): enough repeat buyers to fit
// their heterogeneity, over long enough for a purchase rhythm to show.
export const MIN_REPEAT_CUSTOMERS = 50;
export const MIN_HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;

/** A count with the first few data-row numbers (1-based, header not counted) as examples. */
export interface Tally {
  count: number;
  exampleRows: number[];
}

export interface CurrencyTotals {
  orders: number;
  refunds: number;
  grossMinor: number;
  refundedMinor: number;
  netMinor: number;
}

/** What a file contained and what the import makes of it. Plain JSON: stored with the import, printed by the CLI. */
export interface QualityReport {
  preset: PresetName;
  rowsRead: number;
  /** Orders stored with a sale line, and refund lines (an order's refund, or a refund-only row). */
  ordersUsed: number;
  refundsUsed: number;
  /**
   * Exclusions, each counted once: per row, or per order for presets that group line items into
   * orders (Shopify), where the example row is the order's first row.
   */
  rowsExcluded: number;
  excluded: Partial<Record<ExclusionReason, Tally>>;
  customers: number;
  customersWithoutKey: Tally;
  /** Orders identical to an earlier one in the file (kept: identical purchases happen), plus repeated order ids (excluded). */
  duplicatesInFile: Tally;
  /**
   * Sale and refund lines already in the workspace (a refund line whose amount changed included);
   * only the import knows, so the reader leaves it null and the import fills it in.
   */
  reimportedOrders: number | null;
  zeroAmounts: Tally;
  /** Refund-only records: a negative amount in a generic file, a cancellation invoice. */
  negativeAmounts: Tally;
  futureDates: Tally;
  currencies: Record<string, CurrencyTotals>;
  dateRange: { first: string; last: string } | null;
  /** How each date column was read, e.g. { "order_date": "MM/DD/YYYY (decided from the column)" }. */
  dateOrder: Record<string, string>;
  /** Share of customers with exactly one order; null without customers. */
  oneTimeBuyerShare: number | null;
  history: { isEnough: boolean; customersWithRepeat: number; spanDays: number; missing: string[] };
}

const tally = (): Tally => ({ count: 0, exampleRows: [] });
function count(t: Tally, row: number): void {
  t.count += 1;
  if (t.exampleRows.length < MAX_EXAMPLE_ROWS) t.exampleRows.push(row);
}

/**
 * Accumulates the report while the file streams by. Memory grows with customers (an order count
 * each) and with distinct orders (a 53-bit fingerprint each), never with the file's bytes.
 */
export function createQualityReport(preset: PresetName, asOf: Date) {
  const report: QualityReport = {
    preset, rowsRead: 0, ordersUsed: 0, refundsUsed: 0, rowsExcluded: 0, excluded: {}, customers: 0,
    customersWithoutKey: tally(), duplicatesInFile: tally(), reimportedOrders: null, zeroAmounts: tally(),
    negativeAmounts: tally(), futureDates: tally(), currencies: {}, dateRange: null, dateOrder: {},
    oneTimeBuyerShare: null, history: { isEnough: false, customersWithRepeat: 0, spanDays: 0, missing: [] },
  };
  /** Sale lines per customer, up to 2. */
  const ordersByCustomer = new Map<string, number>();
  const fingerprints = new NumberSet();
  let first = Infinity;
  let last = -Infinity;

  function add(outcome: RowOutcome): void {
    if (outcome.kind === 'error') return;
    if (outcome.kind === 'excluded') {
      report.rowsExcluded += 1;
      count((report.excluded[outcome.reason] ??= tally()), outcome.row);
      if (outcome.reason === 'no customer key') count(report.customersWithoutKey, outcome.row);
      if (outcome.reason === 'duplicate order') count(report.duplicatesInFile, outcome.row);
      return;
    }
    const o = outcome.order;
    const isSale = hasSaleLine(o);
    if (isSale) report.ordersUsed += 1;
    if (o.refundedMinor > 0) report.refundsUsed += 1;
    if (o.grossMinor === 0 && o.refundedMinor === 0) count(report.zeroAmounts, o.row);
    if (!isSale) count(report.negativeAmounts, o.row);
    if (o.occurredAt.getTime() > asOf.getTime()) count(report.futureDates, o.row);
    if (fingerprints.addSeen(fingerprintOf(o))) count(report.duplicatesInFile, o.row);
    const totals = (report.currencies[o.currency] ??= { orders: 0, refunds: 0, grossMinor: 0, refundedMinor: 0, netMinor: 0 });
    totals.orders += isSale ? 1 : 0;
    totals.refunds += o.refundedMinor > 0 ? 1 : 0;
    totals.grossMinor += o.grossMinor;
    totals.refundedMinor += o.refundedMinor;
    totals.netMinor += o.grossMinor - o.refundedMinor;
    // Only none, one and two or more orders matter (finish), so a count stops at 2 and a repeat
    // buyer's later orders cost one lookup, not two.
    const orders = ordersByCustomer.get(o.customerKey);
    if (orders === undefined) ordersByCustomer.set(o.customerKey, isSale ? 1 : 0);
    else if (isSale && orders < 2) ordersByCustomer.set(o.customerKey, orders + 1);
    first = Math.min(first, o.occurredAt.getTime());
    last = Math.max(last, o.occurredAt.getTime());
  }

  function finish(rowsRead: number, dateOrder: Record<string, string>): QualityReport {
    const counts = [...ordersByCustomer.values()];
    const repeat = counts.filter((n) => n >= 2).length;
    const spanDays = Number.isFinite(first) ? Math.floor((last - first) / DAY_MS) : 0;
    const missing: string[] = [];
    if (repeat < MIN_REPEAT_CUSTOMERS) missing.push(`${MIN_REPEAT_CUSTOMERS} customers with a repeat purchase (the file has ${repeat})`);
    if (spanDays < MIN_HISTORY_DAYS) missing.push(`${MIN_HISTORY_DAYS} days of history (the file spans ${spanDays})`);
    return {
      ...report,
      rowsRead,
      dateOrder,
      customers: ordersByCustomer.size,
      dateRange: Number.isFinite(first) ? { first: new Date(first).toISOString(), last: new Date(last).toISOString() } : null,
      oneTimeBuyerShare: counts.length === 0 ? null : counts.filter((n) => n === 1).length / counts.length,
      history: { isEnough: missing.length === 0, customersWithRepeat: repeat, spanDays, missing },
    };
  }

  return { add, finish };
}

/**
 * 53 bits of two FNV-1a 32-bit hashes (standard and a second offset basis) over the order's
 * fields, so duplicate detection keeps a number per order rather than its text; a collision only
 * miscounts. Fields are mixed in one by one: no string or array is built per order.
 */
function fingerprintOf(o: CanonicalOrder): number {
  const hash = new TwinFnv();
  hash.addText(o.customerKey);
  hash.add(0);
  hash.addText(o.orderId ?? '');
  const time = o.occurredAt.getTime();
  hash.add(time % 0x100000000 | 0);
  hash.add(Math.floor(time / 0x100000000) | 0);
  hash.add(o.grossMinor | 0);
  hash.add(o.refundedMinor | 0);
  hash.add((o.quantity ?? -1) | 0);
  return (hash.a >>> 0) * 0x200000 + ((hash.b >>> 0) & 0x1fffff);
}

class TwinFnv {
  a = 0x811c9dc5;
  b = 0x050c5d1f;

  add(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    this.b = Math.imul(this.b ^ c, 0x01000193);
  }

  addText(text: string): void {
    for (let i = 0; i < text.length; i++) this.add(text.charCodeAt(i));
  }
}

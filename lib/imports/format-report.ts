import { formatCount, formatInteger, formatMoney } from '@/lib/format';
import type { QualityReport, Tally } from './quality-report';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * " (rows 12, 1,030, …)": the example data rows of a tally, and with a header row the file's lines
 * too (data row 1 is line 2, where a spreadsheet shows it), as the row errors give them.
 */
function places(t: Tally, hasHeader: boolean): string {
  if (t.exampleRows.length === 0) return '';
  const s = t.count > 1 ? 's' : '';
  const list = (numbers: number[]) => `${numbers.map(formatInteger).join(', ')}${t.count > t.exampleRows.length ? ', …' : ''}`;
  return ` (row${s} ${list(t.exampleRows)}${hasHeader ? `; line${s} ${list(t.exampleRows.map((row) => row + 1))}` : ''})`;
}

/**
 * The data-quality report as short lines for people: what was used, what was left out and why.
 * Counts carry thousands separators and their noun in the right number ("1 refund", "6,919 rows").
 */
export function formatQualityReport(r: QualityReport, { hasHeader = false }: { hasHeader?: boolean } = {}): string[] {
  const rows = (t: Tally) => places(t, hasHeader);
  // A preset that groups line items into orders (Shopify) counts exclusions per order: say so, or
  // "16 rows → 6 orders used, 6 excluded" leaves four rows unexplained.
  const records = r.ordersUsed + r.negativeAmounts.count + r.rowsExcluded;
  const read = records < r.rowsRead
    ? `${formatCount(r.rowsRead, 'row')} read (the line items of ${formatCount(records, 'order')})`
    : `${formatCount(r.rowsRead, 'row')} read`;
  const excluded = records < r.rowsRead ? formatCount(r.rowsExcluded, 'order') : formatInteger(r.rowsExcluded);
  const lines = [`${read} → ${formatCount(r.ordersUsed, 'order')} and ${formatCount(r.refundsUsed, 'refund')} used; ${excluded} excluded.`];
  for (const [reason, t] of Object.entries(r.excluded)) lines.push(`  Excluded, ${reason}: ${formatInteger(t!.count)}${rows(t!)}.`);
  lines.push(`${formatCount(r.customers, 'customer')}${r.oneTimeBuyerShare === null ? '' : `, ${percent(r.oneTimeBuyerShare)} of them bought once`}.`);
  const tally = (label: string, t: Tally) => { if (t.count > 0) lines.push(`${label}: ${formatInteger(t.count)}${rows(t)}.`); };
  // Rows without a customer key are listed among the exclusions above ("Excluded, no customer key").
  // Repeats are of two kinds: an order id seen before is excluded (listed above); identical rows
  // without an order id are kept, as CDNOW's genuine repeat purchases are.
  tally('Repeated rows inside the file (an order id seen before is left out; identical rows without one are kept as separate purchases)', r.duplicatesInFile);
  // Counts the lines the workspace already holds, including those whose refund this file raises; the
  // summary's "already imported (skipped)" counts only the unchanged ones.
  if (r.reimportedOrders) lines.push(`Lines the workspace already holds (unchanged, or with a refund this file updates): ${formatInteger(r.reimportedOrders)}.`);
  tally('Zero amounts', r.zeroAmounts);
  tally('Negative amounts (read as refunds)', r.negativeAmounts);
  tally('Dates in the future', r.futureDates);
  for (const [code, t] of Object.entries(r.currencies)) {
    lines.push(`${code}: ${formatMoney(t.grossMinor, code)} in ${formatCount(t.orders, 'order')}, ${formatMoney(t.refundedMinor, code)} refunded, net ${formatMoney(t.netMinor, code)}.`);
  }
  if (r.dateRange) lines.push(`Dates from ${r.dateRange.first.slice(0, 10)} to ${r.dateRange.last.slice(0, 10)}.`);
  for (const [column, how] of Object.entries(r.dateOrder)) lines.push(`Dates in "${column}": ${how}.`);
  // The report is about the file: orders the workspace already holds count towards the models too.
  lines.push(r.history.isEnough
    ? 'This file alone has enough history for the predictive models.'
    : `This file alone is not enough history for the predictive models: they need ${r.history.missing.join(' and ')}. Orders already in the workspace count too.`);
  return lines;
}

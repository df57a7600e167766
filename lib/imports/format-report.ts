import { formatMoney } from '@/lib/format';
import type { QualityReport, Tally } from './quality-report';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const rows = (t: Tally) => (t.exampleRows.length === 0 ? '' : ` (row${t.count > 1 ? 's' : ''} ${t.exampleRows.join(', ')}${t.count > t.exampleRows.length ? ', …' : ''})`);

/** The data-quality report as short lines for people: what was used, what was left out and why. */
export function formatQualityReport(r: QualityReport): string[] {
  const lines = [
    `${r.rowsRead} rows read → ${r.ordersUsed} orders and ${r.refundsUsed} refunds used; ${r.rowsExcluded} excluded.`,
  ];
  for (const [reason, t] of Object.entries(r.excluded)) lines.push(`  Excluded, ${reason}: ${t!.count}${rows(t!)}.`);
  lines.push(`${r.customers} customers${r.oneTimeBuyerShare === null ? '' : `, ${percent(r.oneTimeBuyerShare)} of them bought once`}.`);
  if (r.customersWithoutKey.count > 0) lines.push(`Rows without a customer key: ${r.customersWithoutKey.count}${rows(r.customersWithoutKey)}.`);
  if (r.duplicatesInFile.count > 0) lines.push(`Duplicates inside the file: ${r.duplicatesInFile.count}${rows(r.duplicatesInFile)}.`);
  if (r.reimportedOrders) lines.push(`Already imported earlier: ${r.reimportedOrders}.`);
  if (r.zeroAmounts.count > 0) lines.push(`Zero amounts: ${r.zeroAmounts.count}${rows(r.zeroAmounts)}.`);
  if (r.negativeAmounts.count > 0) lines.push(`Negative amounts (read as refunds): ${r.negativeAmounts.count}${rows(r.negativeAmounts)}.`);
  if (r.futureDates.count > 0) lines.push(`Dates in the future: ${r.futureDates.count}${rows(r.futureDates)}.`);
  for (const [code, t] of Object.entries(r.currencies)) {
    lines.push(`${code}: ${formatMoney(t.grossMinor, code)} in ${t.orders} orders, ${formatMoney(t.refundedMinor, code)} refunded, net ${formatMoney(t.netMinor, code)}.`);
  }
  if (r.dateRange) lines.push(`Dates from ${r.dateRange.first.slice(0, 10)} to ${r.dateRange.last.slice(0, 10)}.`);
  for (const [column, how] of Object.entries(r.dateOrder)) lines.push(`Dates in "${column}": ${how}.`);
  lines.push(r.history.isEnough ? 'Enough history for the predictive models.' : `Not enough history for the predictive models yet: needs ${r.history.missing.join(' and ')}.`);
  return lines;
}

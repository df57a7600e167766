import { formatCount, formatInteger, formatMoney } from '@/lib/format';
import type { CurrencyTotal } from './currency-totals';

/** "sales.csv: 1,000 rows read → 998 orders and 2 refunds added, 0 already imported; …" */
export function describeImport(
  fileName: string,
  s: { rowsRead: number; ordersAdded: number; refundsAdded: number; rowsAlreadyImported: number; customersInFile: number; customersAdded: number; netTotalMinor: number | null; currency: string },
): string {
  return (
    `Imported ${fileName}: ${formatCount(s.rowsRead, 'row')} read → ${formatCount(s.ordersAdded, 'order')} and ` +
    `${formatCount(s.refundsAdded, 'refund')} added, ${formatInteger(s.rowsAlreadyImported)} already imported; ` +
    `${formatCount(s.customersInFile, 'customer')} (${formatInteger(s.customersAdded)} new); ` +
    (s.netTotalMinor === null ? 'no net total yet (a rate is missing).' : `net ${formatMoney(s.netTotalMinor, s.currency)} in the file.`)
  );
}

/** "€74.95 at 1.085 → $81.33": one foreign currency's share of an import, original beside converted. */
export function describeConversion(t: CurrencyTotal, reportingCurrency: string): string {
  const converted = t.convertedNetMinor === null ? 'not converted' : formatMoney(t.convertedNetMinor, reportingCurrency);
  return `${formatMoney(t.originalNetMinor, t.currency)} at ${t.rate ?? '?'} → ${converted}`;
}

import { formatCount, formatInteger, formatMoney } from '@/lib/format';

/** "sales.csv: 1,000 rows read → 998 orders and 2 refunds added, 0 already imported; …" */
export function describeImport(
  fileName: string,
  s: { rowsRead: number; ordersAdded: number; refundsAdded: number; rowsAlreadyImported: number; customersInFile: number; customersAdded: number; netTotalMinor: number; currency: string },
): string {
  return (
    `Imported ${fileName}: ${formatCount(s.rowsRead, 'row')} read → ${formatCount(s.ordersAdded, 'order')} and ` +
    `${formatCount(s.refundsAdded, 'refund')} added, ${formatInteger(s.rowsAlreadyImported)} already imported; ` +
    `${formatCount(s.customersInFile, 'customer')} (${formatInteger(s.customersAdded)} new); ` +
    `net ${formatMoney(s.netTotalMinor, s.currency)} in the file.`
  );
}

import type { ImportSummary } from '@/db/queries/imports';
import { formatInteger, formatMoney } from '@/lib/format';

/** The dry run's counts: exactly what committing will write (the merge was run and rolled back). */
export function ImportPreview({ summary: s }: { summary: ImportSummary }) {
  const rows: [string, string, string][] = [
    ['Rows read', formatInteger(s.rowsRead), 'preview-rows'],
    ['Orders to add', formatInteger(s.ordersAdded), 'preview-orders'],
    ['Refunds to add', formatInteger(s.refundsAdded), 'preview-refunds'],
    ['Earlier refunds updated', formatInteger(s.refundsUpdated), 'preview-refunds-updated'],
    // Counts lines, a sale or a refund each, like the two counts above it.
    ['Orders and refunds already held (skipped)', formatInteger(s.rowsAlreadyImported), 'preview-already'],
    ['Customers in the file (new)', `${formatInteger(s.customersInFile)} (${formatInteger(s.customersAdded)})`, 'preview-customers'],
    // Null while a foreign currency has no rate: the per-currency totals sit by the rate fields.
    ['Net total of the file', s.netTotalMinor === null ? `in ${s.currency} once the rates are entered` : formatMoney(s.netTotalMinor, s.currency), 'preview-net'],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3" data-testid="import-preview">
      {rows.map(([label, value, testId]) => (
        <div key={label}>
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-medium tabular-nums" data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

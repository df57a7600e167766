import Link from 'next/link';
import { formatDecimal, formatInteger, formatMoney, formatPercent } from '@/lib/format';
import type { PeriodMetrics } from '@/lib/metrics/historic';
import { periodLabel } from '@/lib/metrics/periods';

/** Every period of the chosen granularity, oldest first, each linking to its KPI view. */
export function PeriodTable({ rows, currency, basePath, by }: {
  rows: (PeriodMetrics & { key: string })[];
  currency: string;
  basePath: string;
  by: string;
}) {
  return (
    <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {['Period', 'Active customers', 'Orders', 'Net revenue', 'AOV', 'Frequency', 'Repeat rate'].map((h) => (
              <th key={h} className="px-3 py-2 font-medium">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="px-3 py-2"><Link className="text-indigo-700 underline" href={`${basePath}?by=${by}&period=${r.key}`}>{periodLabel(r.key)}</Link></td>
              <td className="px-3 py-2">{formatInteger(r.activeCustomers)}</td>
              <td className="px-3 py-2">{formatInteger(r.orders)}</td>
              <td className="px-3 py-2">{formatMoney(r.netRevenueMinor, currency)}</td>
              <td className="px-3 py-2">{formatMoney(r.aovMinor, currency)}</td>
              <td className="px-3 py-2">{formatDecimal(r.purchaseFrequency)}</td>
              <td className="px-3 py-2">{formatPercent(r.repeatRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

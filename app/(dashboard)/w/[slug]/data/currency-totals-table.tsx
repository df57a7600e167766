import type { ReactNode } from 'react';
import { formatMoney } from '@/lib/format';
import { sumConverted, type CurrencyTotal } from '@/lib/imports/currency-totals';

const CELL = 'px-3 py-1.5';

/**
 * The file's net total per currency, side by side: as the file gave it, the rate, and converted
 * into the reporting currency, then the converted grand total. Before the rates are known (the
 * review) `rateInput` renders each foreign currency's rate field and the converted columns wait:
 * mixed currencies are never added up as if they were one.
 */
export function CurrencyTotalsTable({ totals, currency, rateInput }: { totals: CurrencyTotal[]; currency: string; rateInput?: (code: string) => ReactNode }) {
  const total = sumConverted(totals);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm tabular-nums" data-testid="currency-totals">
        <thead className="text-left text-slate-600">
          <tr>
            {['Currency', 'Net total in the file', 'Rate', `Net total in ${currency}`].map((h) => <th key={h} className={`${CELL} font-medium`}>{h}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {totals.map((t) => (
            <tr key={t.currency} data-testid={`currency-total-${t.currency}`}>
              <td className={CELL}>{t.currency}</td>
              <td className={CELL} data-testid="original-total">{formatMoney(t.originalNetMinor, t.currency)}</td>
              <td className={CELL} data-testid="rate">
                {t.currency === currency ? '—' : t.rate !== null ? `1 ${t.currency} = ${t.rate} ${currency}` : rateInput?.(t.currency)}
              </td>
              <td className={CELL} data-testid="converted-total">{t.convertedNetMinor === null ? 'after the rate' : formatMoney(t.convertedNetMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 font-medium">
          <tr>
            <td className={CELL} colSpan={3}>Net total of the file in {currency}</td>
            <td className={CELL} data-testid="converted-grand-total">{total === null ? 'once every rate is entered' : formatMoney(total, currency)}</td>
          </tr>
        </tfoot>
      </table>
      {totals.some((t) => t.currency !== currency) && (
        <p className="mt-1 text-xs text-slate-500">
          Each order is converted on its own and rounded to the {currency} minor unit, so a converted total can differ by a
          few minor units from the file&apos;s total × the rate.
        </p>
      )}
    </div>
  );
}

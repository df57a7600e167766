'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type FormAction } from '@/lib/action-state';
import { formatCount } from '@/lib/format';
import { listForeignCurrencies } from '@/lib/imports/currency-totals';
import type { ImportSummary } from '@/db/queries/imports';
import { RATE_FIELD_PREFIX } from '@/lib/validation/import-rates';
import { CurrencyTotalsTable } from './currency-totals-table';

/**
 * The review's commit: the Import button and, for a file with amounts in other currencies than
 * the workspace's, a rate for each ("1 EUR = ? USD"), which the commit keeps with the import.
 */
export function CommitForm({ action, preview }: { action: FormAction; preview: ImportSummary }) {
  const [state, commit, pending] = useActionState(action, idle);
  // Dry runs from before currencies were converted carry no per-currency totals.
  const totals = preview.currencies ?? [];
  const needsRates = listForeignCurrencies(totals, preview.currency).length > 0;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={commit} className="space-y-3">
      {needsRates && (
        <fieldset className="space-y-2">
          <legend className="text-sm text-slate-700">
            The file has amounts in other currencies than {preview.currency}. Give a rate for each: every order keeps its own
            amount and currency, and is added to the metrics converted into {preview.currency}.
          </legend>
          <CurrencyTotalsTable totals={totals} currency={preview.currency} rateInput={(code) => (
            <label className="flex flex-wrap items-center gap-1">
              <span>1 {code} =</span>
              <input name={`${RATE_FIELD_PREFIX}${code}`} inputMode="decimal" required aria-label={`1 ${code} = ? ${preview.currency}`}
                defaultValue={values?.[`${RATE_FIELD_PREFIX}${code}`] ?? ''} placeholder="1.0000"
                className="w-28 rounded-md border border-slate-300 px-2 py-1" />
              <span>{preview.currency}</span>
              <FieldError state={state} name={code} />
            </label>
          )} />
        </fieldset>
      )}
      <FormMessage state={state} />
      <button type="submit" disabled={pending}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        Import {formatCount(preview.ordersAdded, 'order')} and {formatCount(preview.refundsAdded, 'refund')}
        {/* A later export's bigger refund changes an earlier order: say so, or it looks left out. */}
        {preview.refundsUpdated > 0 && `, and update ${formatCount(preview.refundsUpdated, 'earlier refund')}`}
      </button>
    </form>
  );
}

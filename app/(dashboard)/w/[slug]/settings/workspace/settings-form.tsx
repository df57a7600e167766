'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState, type FormAction } from '@/lib/action-state';

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2';

/** The workspace's editable settings; values survive a refused save. */
export function SettingsForm({ action, current }: {
  action: FormAction;
  current: { name: string; timeZone: string; currency: string; grossMargin: number; monthlyDiscountRate: number };
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const percent = (fraction: number) => String(Math.round(fraction * 10_000) / 100);
  return (
    <form action={formAction} className="grid max-w-2xl gap-4 sm:grid-cols-2" noValidate>
      <label className="block text-sm font-medium">
        Name
        <input name="name" defaultValue={values.name ?? current.name} className={inputClass} />
        <FieldError state={state} name="name" />
      </label>
      <label className="block text-sm font-medium">
        Time zone
        <input name="timeZone" defaultValue={values.timeZone ?? current.timeZone} className={inputClass} />
        <span className="mt-1 block text-xs font-normal text-slate-500">Decides calendar days, months and quarters (IANA name, e.g. Europe/Berlin)</span>
        <FieldError state={state} name="timeZone" />
      </label>
      <label className="block text-sm font-medium">
        Gross margin (%)
        <input name="grossMarginPercent" inputMode="decimal" defaultValue={values.grossMarginPercent ?? percent(current.grossMargin)} className={inputClass} />
        <span className="mt-1 block text-xs font-normal text-slate-500">Predicted CLV is margin × expected revenue</span>
        <FieldError state={state} name="grossMarginPercent" />
      </label>
      <label className="block text-sm font-medium">
        Monthly discount rate (%)
        <input name="monthlyDiscountPercent" inputMode="decimal" defaultValue={values.monthlyDiscountPercent ?? percent(current.monthlyDiscountRate)} className={inputClass} />
        <span className="mt-1 block text-xs font-normal text-slate-500">Future months count less: month m is divided by (1 + rate)^m</span>
        <FieldError state={state} name="monthlyDiscountPercent" />
      </label>
      <p className="text-sm text-slate-600 sm:col-span-2">Reporting currency: <strong>{current.currency}</strong> (fixed: every metric is in it; an import in another currency is converted at the rate entered with it).</p>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className="mt-2 rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">Save settings</button>
      </div>
    </form>
  );
}

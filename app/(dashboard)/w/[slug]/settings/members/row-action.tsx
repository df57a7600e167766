'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { InvitationLink } from './invitation-link';

type RowAction<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * One button (optionally with a select) acting on one row: a member or an invitation. The hidden
 * fields name the row; the server re-checks everything.
 */
export function RowActionForm<T extends { link?: string } | undefined>({ action, fields, label, select, testId }: {
  action: RowAction<T>;
  fields: Record<string, string>;
  label: string;
  select?: { name: string; options: readonly string[]; defaultValue: string; label: string };
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, idle);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {select && (
        <select name={select.name} defaultValue={select.defaultValue} aria-label={select.label} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          {select.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      )}
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">{label}</button>
      <FormMessage state={state} />
      {state.status === 'success' && state.data?.link && <InvitationLink link={state.data.link} />}
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { createWorkspaceAction } from '../actions';

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2';

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createWorkspaceAction, idle);
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <form action={action} className="space-y-3">
      <label className="block text-sm font-medium">
        Workspace name
        <input name="name" required defaultValue={values.name} key={values.name} placeholder="Acme Store" className={inputClass} />
        <FieldError state={state} name="name" />
      </label>
      <div className="grid grid-cols-2 gap-3">
        <label className="block text-sm font-medium">
          Reporting currency
          <input name="currency" defaultValue={values.currency || 'USD'} maxLength={3} className={inputClass} />
          <FieldError state={state} name="currency" />
        </label>
        <label className="block text-sm font-medium">
          Time zone
          <input name="timeZone" defaultValue={values.timeZone || 'UTC'} className={inputClass} />
          <FieldError state={state} name="timeZone" />
        </label>
      </div>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        Create workspace
      </button>
    </form>
  );
}

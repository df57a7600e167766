'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState, type FormAction } from '@/lib/action-state';

export function DeleteWorkspaceForm({ action, name }: { action: FormAction; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate>
      <label className="block text-sm font-medium">
        Type <strong>{name}</strong> to confirm
        <input name="confirmName" autoComplete="off" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
        <FieldError state={state} name="confirmName" />
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">Delete workspace</button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState, type FormAction } from '@/lib/action-state';
import type { Role } from '@/db/schema';

/** Chooses the new owner among the other members; the workspace's name must be typed to confirm. */
export function TransferOwnershipForm({ action, name, candidates }: {
  action: FormAction;
  name: string;
  candidates: { userId: string; email: string; role: Role }[];
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate data-testid="transfer-ownership">
      <label className="block text-sm font-medium">
        New owner
        <select name="userId" defaultValue={values.userId ?? ''} key={`u-${values.userId}`} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5">
          <option value="" disabled>Choose a member</option>
          {candidates.map((c) => <option key={c.userId} value={c.userId}>{c.email} ({c.role})</option>)}
        </select>
        <FieldError state={state} name="userId" />
      </label>
      <label className="block text-sm font-medium">
        Type <strong>{name}</strong> to confirm
        <input name="confirmName" autoComplete="off" defaultValue={values.confirmName} key={`c-${values.confirmName}`} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
        <FieldError state={state} name="confirmName" />
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">Transfer ownership</button>
    </form>
  );
}

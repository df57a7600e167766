'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState, type FormAction } from '@/lib/action-state';
import type { Role } from '@/db/schema';
import { InvitationLink } from './invitation-link';

/** Invite by e-mail with a role; only roles up to the inviter's own are offered. */
export function InviteForm({ action, roles }: { action: FormAction<{ link: string }>; roles: readonly Role[] }) {
  const [state, formAction, pending] = useActionState<ActionState<{ link: string }>, FormData>(action, idle);
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium">
          E-mail
          <input name="email" type="email" required defaultValue={values.email} key={values.email} className="mt-1 block w-72 rounded-md border border-slate-300 px-3 py-1.5" />
          <FieldError state={state} name="email" />
        </label>
        <label className="block text-sm font-medium">
          Role
          <select name="role" aria-label="Role" defaultValue={values.role ?? 'viewer'} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5">
            {roles.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">Send invitation</button>
      </div>
      <FormMessage state={state} />
      {state.status === 'success' && state.data?.link && <InvitationLink link={state.data.link} />}
    </form>
  );
}

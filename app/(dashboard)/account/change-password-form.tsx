'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { changePasswordAction } from './actions';

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2';

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changePasswordAction, idle);
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <label className="block text-sm font-medium">
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
        <FieldError state={state} name="currentPassword" />
      </label>
      <label className="block text-sm font-medium">
        New password
        <input name="newPassword" type="password" autoComplete="new-password" required className={inputClass} />
        <FieldError state={state} name="newPassword" />
        <span className="mt-1 block text-xs font-normal text-slate-500">At least 12 characters, not a common password.</span>
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">Change password</button>
    </form>
  );
}

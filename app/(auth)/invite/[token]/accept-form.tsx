'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { acceptInvitationAction } from './actions';

export function AcceptForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(acceptInvitationAction.bind(null, token), idle);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        Accept invitation
      </button>
    </form>
  );
}

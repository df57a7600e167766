'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState, type FormAction } from '@/lib/action-state';

export function AcceptForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        Accept invitation
      </button>
    </form>
  );
}

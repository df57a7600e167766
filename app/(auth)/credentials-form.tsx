'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { signInWithPassword, signUpWithPassword } from './actions';

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none';

/** The sign-in and sign-up form: the same fields, with a name on sign-up. */
export function CredentialsForm({ mode, callbackUrl }: { mode: 'sign-in' | 'sign-up'; callbackUrl?: string }) {
  const action = mode === 'sign-in' ? signInWithPassword : signUpWithPassword;
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : '';
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {mode === 'sign-up' && (
        <label className="block text-sm font-medium">
          Name <span className="font-normal text-slate-500">(optional)</span>
          <input name="name" autoComplete="name" defaultValue={values.name} className={inputClass} />
        </label>
      )}
      <label className="block text-sm font-medium">
        E-mail
        <input name="email" type="email" autoComplete="email" required defaultValue={values.email} key={values.email} className={inputClass} />
        <FieldError state={state} name="email" />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          required
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          className={inputClass}
        />
        <FieldError state={state} name="password" />
        {mode === 'sign-up' && !(state.status === 'error' && state.fieldErrors?.password) && (
          <span className="mt-1 block text-xs font-normal text-slate-500">At least 12 characters.</span>
        )}
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        {mode === 'sign-in' ? 'Sign in' : 'Create account'}
      </button>
      <p className="text-center text-sm text-slate-600">
        {mode === 'sign-in' ? (
          <>No account yet? <Link className="text-indigo-700 underline" href={`/sign-up${query}`}>Sign up</Link></>
        ) : (
          <>Already have an account? <Link className="text-indigo-700 underline" href={`/sign-in${query}`}>Sign in</Link></>
        )}
      </p>
    </form>
  );
}

'use server';

import { createUser } from '@/db/queries/users';
import { AuthError, signIn } from '@/lib/auth';
import { listOAuthButtons } from '@/lib/auth/oauth-providers';
import { hashPassword } from '@/lib/auth/passwords';
import { fail, fromZodError, type ActionState } from '@/lib/action-state';
import { safeCallbackUrl, signInSchema, signUpSchema } from '@/lib/validation/auth';

/** Signs in with e-mail and password; on success Auth.js redirects (by throwing). */
export async function signInWithPassword(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    // The same messages whether the e-mail exists or not: throttling counts unknown e-mails too.
    if (error instanceof AuthError && (error as { code?: string }).code === 'throttled') {
      return fail('Too many sign-in attempts. Wait a few minutes and try again.', { values });
    }
    if (error instanceof AuthError) return fail('Wrong e-mail or password.', { values });
    throw error; // NEXT_REDIRECT and real failures
  }
  return fail('Sign-in did not complete.', { values });
}

/** Creates an account and signs it in. */
export async function signUpWithPassword(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get('email') ?? ''), name: String(formData.get('name') ?? '') };
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error, values);
  const { email, name, password, callbackUrl } = parsed.data;
  const user = await createUser({ email, name, passwordHash: await hashPassword(password) });
  if (!user) return fail('An account with this e-mail already exists. Sign in instead.', { values });
  await signIn('credentials', { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
  return fail('Sign-in did not complete.', { values });
}

/** Starts sign-in with a configured OAuth provider (Auth.js redirects to it); an unknown one does nothing. */
export async function signInWithProvider(provider: string, callbackUrl: string | undefined, _formData: FormData): Promise<void> {
  if (!listOAuthButtons().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallbackUrl(callbackUrl) });
}

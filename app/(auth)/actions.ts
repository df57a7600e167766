'use server';

import { createUser } from '@/db/queries/users';
import { AuthError, signIn } from '@/lib/auth';
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
    // The same message whether the e-mail exists or not.
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

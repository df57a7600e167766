'use server';

import { redirect } from 'next/navigation';
import { AuthError, signIn } from '@/lib/auth';
import { changePassword } from '@/lib/auth/change-password';
import { requireUser } from '@/lib/auth/guards';
import { fail, fromZodError, type ActionState } from '@/lib/action-state';
import { changePasswordSchema } from '@/lib/validation/auth';

/** Changes the signed-in user's password and ends their other sessions. Minimum: signed in. */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/account');
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error);
  const change = await changePassword(user.id, parsed.data.currentPassword, parsed.data.newPassword);
  if (change === 'throttled') return fail('Too many wrong passwords. Wait a few minutes and try again.');
  if (change === 'wrong-password') return fail('Your current password is not right.');
  // The version bump signed out every session, this one too; sign it back in with the new password.
  try {
    await signIn('credentials', { email: user.email, password: parsed.data.newPassword, redirectTo: '/account?changed=1' });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // NEXT_REDIRECT and real failures
    // The password did change; signing straight back in failed (throttled after earlier wrong
    // guesses): the user signs in again by hand once the wait is over.
  }
  redirect('/sign-in?callbackUrl=%2Faccount');
}

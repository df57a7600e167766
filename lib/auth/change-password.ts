import { getUserById, updatePasswordHash } from '@/db/queries/users';
import { releaseSignInAttempt, reserveSignInAttempt } from '@/db/queries/sign-in-failures';
import { hashPassword, verifyPassword } from './passwords';
import { EMAIL_RULE, getRetryDelayMs, THROTTLE_LOOKBACK_MS } from './throttle';

export type PasswordChange = 'changed' | 'wrong-password' | 'throttled';

/**
 * Replaces the user's password when `current` is right ('wrong-password' otherwise, or for an
 * OAuth-only account). A wrong current password counts against the e-mail's sign-in throttle, so a
 * borrowed session cannot guess it faster than the sign-in form could.
 */
export async function changePassword(userId: string, current: string, next: string, now = new Date()): Promise<PasswordChange> {
  const user = await getUserById(userId);
  if (!user?.passwordHash) return 'wrong-password';
  const emailKey = `email:${user.email.toLowerCase()}`;
  const reserved = await reserveSignInAttempt([emailKey], new Date(now.getTime() - THROTTLE_LOOKBACK_MS), (failures) =>
    getRetryDelayMs(failures.get(emailKey) ?? [], now, EMAIL_RULE) === 0);
  if (!reserved) return 'throttled';
  if (!(await verifyPassword(current, user.passwordHash))) return 'wrong-password';
  await releaseSignInAttempt(reserved, emailKey);
  await updatePasswordHash(userId, await hashPassword(next));
  return 'changed';
}

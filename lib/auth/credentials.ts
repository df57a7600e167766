import { CredentialsSignin } from 'next-auth';
import { getUserByEmail } from '@/db/queries/users';
import { clearSignInFailures, listSignInFailures, recordSignInFailure } from '@/db/queries/sign-in-failures';
import { signInSchema } from '@/lib/validation/auth';
import { hashPassword, verifyPassword } from './passwords';
import { EMAIL_RULE, getRetryDelayMs, IP_RULE, THROTTLE_LOOKBACK_MS } from './throttle';

/** Thrown while a key is throttled; the password is not even looked at. */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

// Compared against when the e-mail is unknown, so that answer takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('worthwise-no-such-user-dummy'));

/**
 * The client address as the nearest proxy (or Next itself) recorded it: the last X-Forwarded-For
 * entry. Earlier entries come from the client and could be made up to dodge the IP limit.
 */
export function getClientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get('x-real-ip') ?? 'unknown';
}

/**
 * Checks an e-mail and password, throttled per e-mail and per IP. Unknown e-mails cost the same
 * bcrypt compare and count failures the same way, so neither the answer nor its timing says
 * whether an account exists.
 */
export async function authorizeCredentials(credentials: unknown, ip: string, now = new Date()) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const emailKey = `email:${parsed.data.email}`;
  const keys = [emailKey, `ip:${ip}`];
  const failures = await listSignInFailures(keys, new Date(now.getTime() - THROTTLE_LOOKBACK_MS));
  const wait = Math.max(
    getRetryDelayMs(failures.get(emailKey) ?? [], now, EMAIL_RULE),
    getRetryDelayMs(failures.get(keys[1]!) ?? [], now, IP_RULE),
  );
  if (wait > 0) throw new ThrottledSignIn();

  const user = await getUserByEmail(parsed.data.email);
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user?.passwordHash || !matches) {
    await recordSignInFailure(keys, new Date(now.getTime() - THROTTLE_LOOKBACK_MS));
    return null;
  }
  await clearSignInFailures(emailKey);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

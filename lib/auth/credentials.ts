import { CredentialsSignin } from 'next-auth';
import { getUserByEmail } from '@/db/queries/users';
import { releaseSignInAttempt, reserveSignInAttempt } from '@/db/queries/sign-in-failures';
import { env } from '@/lib/env';
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
 * The client address as the proxy in front recorded it: the last X-Forwarded-For entry (earlier
 * ones come from the client). Without a proxy (`TRUST_PROXY` unset) the header is whatever the
 * client sent — Next keeps it — so there is no address to trust and the per-IP limit is skipped;
 * the per-e-mail limit always holds.
 */
export function getClientIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  if (!trustProxy) return null;
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get('x-real-ip') ?? null;
}

/**
 * Checks an e-mail and password, throttled per e-mail and per IP. Unknown e-mails cost the same
 * bcrypt compare and count failures the same way, so neither the answer nor its timing says
 * whether an account exists.
 */
export async function authorizeCredentials(credentials: unknown, ip: string | null, now = new Date()) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const emailKey = `email:${parsed.data.email}`;
  const ipKey = ip === null ? null : `ip:${ip}`;
  const keys = ipKey === null ? [emailKey] : [emailKey, ipKey];
  // The attempt counts as a failure from before the password is checked until it succeeds.
  const reserved = await reserveSignInAttempt(keys, new Date(now.getTime() - THROTTLE_LOOKBACK_MS), (failures) =>
    getRetryDelayMs(failures.get(emailKey) ?? [], now, EMAIL_RULE) === 0 && (ipKey === null || getRetryDelayMs(failures.get(ipKey) ?? [], now, IP_RULE) === 0));
  if (!reserved) throw new ThrottledSignIn();

  const user = await getUserByEmail(parsed.data.email);
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user?.passwordHash || !matches) return null;
  await releaseSignInAttempt(reserved, emailKey);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

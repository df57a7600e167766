import { z } from 'zod';
import { getPasswordWeakness } from '@/lib/auth/password-policy';

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address'));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(200),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

// bcrypt reads only the first 72 bytes of a password: anything after them would silently not count.
const BCRYPT_MAX_BYTES = 72;

const newPassword = z
  .string()
  .refine((value) => new TextEncoder().encode(value).length <= BCRYPT_MAX_BYTES, 'Use at most 72 bytes (72 plain letters and digits; fewer with accents or emoji)')
  .superRefine((value, ctx) => {
    const weakness = getPasswordWeakness(value);
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });

export const signUpSchema = z.object({
  name: z.string().trim().max(100).optional().transform((v) => (v ? v : null)),
  email,
  password: newPassword,
  callbackUrl: z.string().optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password').max(200), newPassword })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'Choose a password you have not used here' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

// Resolving against a placeholder origin tells whether a path stays on this site the way a browser
// would read it: browsers drop tabs and newlines ("/\t/evil.example" becomes "//evil.example") and
// treat "\" as "/", so string prefix checks alone are not enough.
const PLACEHOLDER_ORIGIN = 'http://worthwise.invalid';

/**
 * Only same-site relative paths are followed after sign-in, so a crafted link cannot send a user
 * to another site. Anything with control characters or backslashes, or that resolves to another
 * origin, falls back.
 */
export function safeCallbackUrl(value: string | undefined | null, fallback = '/w'): string {
  if (!value || !value.startsWith('/') || value.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Normalising "/.//x" or "/a/..//x" gives "//x", which a browser reads as another host.
  return path.startsWith('//') ? fallback : path;
}

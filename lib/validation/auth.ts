import { z } from 'zod';

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address'));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password').max(200),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z.object({
  name: z.string().trim().max(100).optional().transform((v) => (v ? v : null)),
  email,
  password: z.string().min(12, 'Use at least 12 characters').max(200, 'Use at most 200 characters'),
  callbackUrl: z.string().optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/**
 * Only same-site relative paths are followed after sign-in, so a crafted link cannot send a user
 * to another site.
 */
export function safeCallbackUrl(value: string | undefined | null, fallback = '/w'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

/**
 * Passwords people pick first that still pass a 12-character minimum. Short on purpose: the
 * length rule does the heavy lifting; this catches the obvious.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123123123123', '111111111111', '000000000000',
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'password1234!', 'p@ssw0rd1234',
  'qwertyuiop12', 'qwertyuiopasdf', 'qwerty123456', '1q2w3e4r5t6y', 'iloveyou1234', 'letmein12345',
  'welcome12345', 'welcome123456', 'administrator', 'changeme1234', 'trustno11234', 'abcdefghijkl',
  'abc123456789', 'football1234', 'baseball1234', 'sunshine1234', 'princess1234', 'superman1234',
  'worthwise123', 'worthwise1234',
]);

export const MIN_PASSWORD_LENGTH = 12;

/** Why the password is too weak, or null when it is acceptable. */
export function getPasswordWeakness(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is too common; choose another';
  if (new Set(password).size <= 2) return 'Use more than two different characters';
  return null;
}

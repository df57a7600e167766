import { describe, expect, it } from 'vitest';
import { getPasswordWeakness } from '@/lib/auth/password-policy';
import { signUpSchema } from '@/lib/validation/auth';

describe('getPasswordWeakness', () => {
  it('refuses fewer than 12 characters', () => {
    expect(getPasswordWeakness('short-pass1')).toBe('Use at least 12 characters');
  });
  it('refuses a common password whatever its case', () => {
    expect(getPasswordWeakness('Password1234')).toBe('This password is too common; choose another');
  });
  it('refuses one or two repeated characters', () => {
    expect(getPasswordWeakness('abababababab')).toBe('Use more than two different characters');
  });
  it('accepts the demo password and the e2e password', () => {
    expect(getPasswordWeakness('worthwise-demo')).toBeNull();
    expect(getPasswordWeakness('e2e-password-1234')).toBeNull();
  });
  it('is what sign-up applies', () => {
    const result = signUpSchema.safeParse({ email: 'a@example.test', password: 'password1234' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('This password is too common; choose another');
  });
  it('refuses more than 72 bytes, the most bcrypt reads (72 ASCII letters pass, 73 do not; 24 three-byte letters are 72 bytes)', () => {
    const parse = (password: string) => signUpSchema.safeParse({ email: 'a@example.test', password }).success;
    expect(parse('x1-'.repeat(24))).toBe(true);
    expect(parse(`${'x1-'.repeat(24)}y`)).toBe(false);
    expect(parse('日本語'.repeat(8))).toBe(true);
    expect(parse(`${'日本語'.repeat(8)}a`)).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeConnection } from '@/db';
import { createUser } from '@/db/queries/users';
import { changePassword } from '@/lib/auth/change-password';
import { authorizeCredentials, getClientIp, ThrottledSignIn } from '@/lib/auth/credentials';
import * as passwords from '@/lib/auth/passwords';

// Counts bcrypt compares while still doing them for real.
vi.mock('@/lib/auth/passwords', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/passwords')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifyPassword = vi.mocked(passwords.verifyPassword);

afterAll(closeConnection);
beforeEach(() => {
  verifyPassword.mockClear();
});

const PASSWORD = 'correct-horse-battery';

/** Five wrong passwords, then a sixth: what each attempt returned or threw, and how many compares ran. */
async function sixWrongAttempts(email: string, ip: string) {
  const outcomes: string[] = [];
  for (let i = 0; i < 6; i++) {
    try {
      outcomes.push((await authorizeCredentials({ email, password: `wrong-${i}` }, ip)) === null ? 'refused' : 'signed-in');
    } catch (error) {
      outcomes.push(error instanceof ThrottledSignIn ? 'throttled' : String(error));
    }
  }
  return { outcomes, compares: verifyPassword.mock.calls.length };
}

describe('sign-in throttling', () => {
  it('refuses the 6th wrong password within a minute without checking it, even if it is right', async () => {
    const email = `throttle-${randomUUID()}@example.test`;
    await createUser({ email, name: null, passwordHash: await passwords.hashPassword(PASSWORD) });
    const ip = `10.0.0.${Math.floor(Math.random() * 250)}`;
    const { outcomes, compares } = await sixWrongAttempts(email, ip);
    expect(outcomes).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'throttled']);
    expect(compares).toBe(5);
    verifyPassword.mockClear();
    await expect(authorizeCredentials({ email, password: PASSWORD }, '10.9.9.9')).rejects.toBeInstanceOf(ThrottledSignIn);
    expect(verifyPassword).not.toHaveBeenCalled();
  });

  it('refuses all but 5 of 30 wrong passwords sent at once (the check and the record are one step)', async () => {
    // Found by the break-it test: 100 parallel guesses all passed a read-then-write check.
    const email = `parallel-${randomUUID()}@example.test`;
    await createUser({ email, name: null, passwordHash: await passwords.hashPassword(PASSWORD) });
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      authorizeCredentials({ email, password: `wrong-${i}` }, null).then(() => 'refused', (e: unknown) => (e instanceof ThrottledSignIn ? 'throttled' : String(e)))));
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'throttled')).toHaveLength(25);
    expect(verifyPassword).toHaveBeenCalledTimes(5);
  });

  it('answers an unknown e-mail exactly like a known one: same outcomes, same number of bcrypt compares', async () => {
    const known = `known-${randomUUID()}@example.test`;
    await createUser({ email: known, name: null, passwordHash: await passwords.hashPassword(PASSWORD) });
    const knownRun = await sixWrongAttempts(known, `10.1.${Math.floor(Math.random() * 250)}.1`);
    verifyPassword.mockClear();
    const unknownRun = await sixWrongAttempts(`nobody-${randomUUID()}@example.test`, `10.2.${Math.floor(Math.random() * 250)}.1`);
    expect(unknownRun).toEqual(knownRun);
    // The unknown e-mail was compared against a real bcrypt hash of the same cost.
    expect(verifyPassword.mock.calls[0]?.[1]).toMatch(/^\$2[aby]\$10\$/);
  });

  it('throttles one IP across e-mails after 20 failures', async () => {
    const ip = `10.3.${Math.floor(Math.random() * 250)}.7`;
    for (let i = 0; i < 20; i++) expect(await authorizeCredentials({ email: `spray-${i}-${randomUUID()}@example.test`, password: 'x' }, ip)).toBeNull();
    await expect(authorizeCredentials({ email: `spray-last-${randomUUID()}@example.test`, password: 'x' }, ip)).rejects.toBeInstanceOf(ThrottledSignIn);
  });

  it('signs in with the right password and clears the e-mail\'s failures', async () => {
    const email = `ok-${randomUUID()}@example.test`;
    const user = await createUser({ email, name: null, passwordHash: await passwords.hashPassword(PASSWORD) });
    const ip = `10.4.${Math.floor(Math.random() * 250)}.1`;
    for (let i = 0; i < 4; i++) await authorizeCredentials({ email, password: 'wrong-password' }, ip);
    expect(await authorizeCredentials({ email, password: PASSWORD }, ip)).toMatchObject({ id: user!.id, sessionVersion: 0 });
    for (let i = 0; i < 4; i++) expect(await authorizeCredentials({ email, password: 'wrong-password' }, ip)).toBeNull();
  });
});

describe('changing the password', () => {
  it('throttles wrong current passwords like sign-in: the 6th is refused without checking, and sign-in is throttled too', async () => {
    // Found by the third break-it test: a borrowed session could guess the current password without limit.
    const email = `change-${randomUUID()}@example.test`;
    const user = (await createUser({ email, name: null, passwordHash: await passwords.hashPassword(PASSWORD) }))!;
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await changePassword(user.id, `wrong-${i}`, 'a-brand-new-password'));
    expect(outcomes).toEqual(Array(5).fill('wrong-password'));
    verifyPassword.mockClear();
    expect(await changePassword(user.id, PASSWORD, 'a-brand-new-password')).toBe('throttled');
    expect(verifyPassword).not.toHaveBeenCalled();
    await expect(authorizeCredentials({ email, password: PASSWORD }, null)).rejects.toBeInstanceOf(ThrottledSignIn);
  });

  it('changes the password with the right current one and clears earlier failures', async () => {
    const email = `change-ok-${randomUUID()}@example.test`;
    const user = (await createUser({ email, name: null, passwordHash: await passwords.hashPassword(PASSWORD) }))!;
    for (let i = 0; i < 4; i++) expect(await changePassword(user.id, `wrong-${i}`, 'a-brand-new-password')).toBe('wrong-password');
    expect(await changePassword(user.id, PASSWORD, 'a-brand-new-password')).toBe('changed');
    expect(await authorizeCredentials({ email, password: 'a-brand-new-password' }, null)).toMatchObject({ id: user.id, sessionVersion: 1 });
  });
});

describe('getClientIp', () => {
  it('takes the last X-Forwarded-For entry, which the nearest proxy wrote', () => {
    expect(getClientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }), true)).toBe('203.0.113.9');
    expect(getClientIp(new Headers(), true)).toBeNull();
    // No proxy in front: the header is the client's own word (break-it test), so no IP is trusted.
    expect(getClientIp(new Headers({ 'x-forwarded-for': '203.0.113.9' }), false)).toBeNull();
  });
});

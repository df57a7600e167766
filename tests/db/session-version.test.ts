import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeConnection } from '@/db';
import { createUser } from '@/db/queries/users';
import { changePassword } from '@/lib/auth/change-password';
import { getCurrentUser } from '@/lib/auth/guards';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { getUserById } from '@/db/queries/users';

// The decoded JWT the request carries; the test sets it like a browser holding an old cookie.
const token = vi.hoisted(() => ({ session: null as null | { user: { id: string; sessionVersion: number }; expires: string } }));
vi.mock('@/lib/auth', () => ({ auth: async () => token.session }));

afterAll(closeConnection);

describe('sessions end when the password changes', () => {
  it('signs out a token issued before the change and accepts one issued after', async () => {
    const user = (await createUser({ email: `pw-${randomUUID()}@example.test`, name: null, passwordHash: await hashPassword('old-password-123') }))!;
    token.session = { user: { id: user.id, sessionVersion: 0 }, expires: '2999-01-01' };
    expect((await getCurrentUser())?.id).toBe(user.id);

    expect(await changePassword(user.id, 'wrong-current-pw', 'new-password-456')).toBe('wrong-password');
    expect((await getCurrentUser())?.id).toBe(user.id);

    expect(await changePassword(user.id, 'old-password-123', 'new-password-456')).toBe('changed');
    expect(await getCurrentUser()).toBeNull();
    const updated = (await getUserById(user.id))!;
    expect(updated.sessionVersion).toBe(1);
    expect(await verifyPassword('new-password-456', updated.passwordHash!)).toBe(true);

    token.session = { user: { id: user.id, sessionVersion: 1 }, expires: '2999-01-01' };
    expect((await getCurrentUser())?.id).toBe(user.id);
  });
});

import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeConnection } from '@/db';
import { roleEnum, type Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';
import { listInlineServerActions, listSurfaceEntries } from '@/tests/helpers/app-surface';
import { CASES } from './cases';
import { createIsolationFixture, type IsolationFixture } from './fixture';
import { as, NavigationError } from './session';

// The handlers run for real against the database; only Next's request plumbing is replaced.
vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('./session');
  return {
    auth: async () => (currentSession.user ? { user: { id: currentSession.user.id, sessionVersion: 0 }, expires: '2999-01-01' } : null),
    signIn: vi.fn(),
    signOut: vi.fn(),
    handlers: { GET: vi.fn(), POST: vi.fn() },
    AuthError: class AuthError extends Error {},
  };
});
vi.mock('next/navigation', async () => {
  const { NavigationError } = await import('./session');
  return {
    notFound: () => { throw new NavigationError('not-found'); },
    redirect: (url: string) => { throw new NavigationError('redirect', url); },
  };
});
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'test.local' }) }));

afterAll(closeConnection);

const isNotFound = (error: unknown) => error instanceof NavigationError && error.kind === 'not-found';

/** Runs `call` and returns 'not-found' when the handler answered 404, else its result or other error. */
async function outcome(call: () => Promise<unknown>): Promise<{ notFound: boolean; value?: unknown; error?: unknown }> {
  try {
    return { notFound: false, value: await call() };
  } catch (error) {
    return { notFound: isNotFound(error), error };
  }
}

describe('the isolation suite covers the whole app surface', () => {
  it('has a case for every route handler and server action on disk, and none left over', async () => {
    const found = await listSurfaceEntries();
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(Object.keys(CASES).sort());
  });

  it('finds no inline "use server" functions, which the enumeration could not see', () => {
    expect(listInlineServerActions()).toEqual([]);
  });
});

// Public entries are listed (the coverage test holds them to a written reason) but have no tenant to cross.
const guarded = Object.entries(CASES).filter(([, c]) => c.kind !== 'public');

describe.each(guarded)('%s', (_key, testCase) => {
  let fx: IsolationFixture;
  // A fresh pair of workspaces per test: an allowed call may change A (revoke, remove, leave).
  beforeEach(async () => {
    fx = await createIsolationFixture();
  });

  if (testCase.kind === 'public') return;

  if (testCase.kind === 'signed-in') {
    it('redirects to sign-in without a session', async () => {
      const result = await outcome(() => as(null, () => testCase.call(fx)));
      expect(result.error).toBeInstanceOf(NavigationError);
      expect((result.error as NavigationError).url).toMatch(/^\/sign-in/);
    });
  } else {
    it("answers 404 to a member of workspace B asking for workspace A", async () => {
      const result = await outcome(() => as(fx.b.user, () => testCase.call(fx.a.workspace.slug, fx)));
      expect(result.notFound).toBe(true);
    });

    const below = roleEnum.enumValues.filter((r: Role) => !hasRole(r, testCase.minimum));
    it.each(below.length ? below : ['(no role below viewer)'])('refuses %s, below the minimum ' + testCase.minimum, async (role) => {
      if (!below.length) return;
      const result = await outcome(() => as(fx.a.members[role as Role], () => testCase.call(fx.a.workspace.slug, fx)));
      expect(result.notFound).toBe(true);
    });

    it(`lets ${testCase.minimum} through`, async () => {
      const result = await outcome(() => as(fx.a.members[testCase.minimum], () => testCase.call(fx.a.workspace.slug, fx)));
      expect(result.notFound, String(result.error)).toBe(false);
      if (testCase.allowed) await testCase.allowed(result.value, fx);
    });
  }

  if (testCase.crossTenant) {
    const crossTenant = testCase.crossTenant;
    it("leaves workspace A untouched when B's owner names A's resource from inside B", async () => {
      expect(await crossTenant(fx)).toBe(true);
    });
  }
});

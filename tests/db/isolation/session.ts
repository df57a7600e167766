/**
 * Who the mocked `auth()` says is signed in. The test file's vi.mock of '@/lib/auth' reads
 * `currentSession.user`; `as` switches it for one call.
 */
export const currentSession: { user: { id: string } | null } = { user: null };

export async function as<T>(user: { id: string } | null, run: () => Promise<T>): Promise<T> {
  const previous = currentSession.user;
  currentSession.user = user;
  try {
    return await run();
  } finally {
    currentSession.user = previous;
  }
}

/** What the mocked next/navigation throws, so a test can tell a 404 from a redirect. */
export class NavigationError extends Error {
  constructor(readonly kind: 'not-found' | 'redirect', readonly url?: string) {
    super(kind === 'not-found' ? 'NEXT_NOT_FOUND' : `NEXT_REDIRECT ${url}`);
  }
}

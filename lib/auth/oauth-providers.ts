import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { env } from '@/lib/env';

/** The OAuth providers whose id and secret are both in the environment; none otherwise. */
export function getOAuthProviders() {
  return [
    env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }) : null,
    env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }) : null,
  ].filter((p) => p !== null);
}

/** What the sign-in page offers as "Continue with …" buttons. */
export function listOAuthButtons(): { id: string; name: string }[] {
  return getOAuthProviders().map((p) => ({ id: p.id, name: p.name }));
}

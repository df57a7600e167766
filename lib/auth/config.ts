import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '@/lib/env';
import { authorizeCredentials, getClientIp } from './credentials';
import { getOAuthProviders } from './oauth-providers';
import { recordSignIn } from './record-sign-in';

// Development and tests run without an env file; production must set AUTH_SECRET (Auth.js
// refuses to start without one).
const DEVELOPMENT_SECRET = 'worthwise-development-secret-do-not-use-in-production';

/**
 * JWT sessions: Auth.js cannot keep Credentials sessions in the database. The token carries the
 * user id and the user's session version; pages re-read the user on every request and treat a
 * token with an older version (issued before a password change) as signed out.
 * The adapter is there for OAuth accounts only, so it is built (and the database opened) lazily.
 */
export async function getAuthConfig(): Promise<NextAuthConfig> {
  const oauth = getOAuthProviders();
  return {
    secret: env.AUTH_SECRET ?? (env.NODE_ENV === 'production' ? undefined : DEVELOPMENT_SECRET),
    session: { strategy: 'jwt' },
    pages: { signIn: '/sign-in' },
    adapter: oauth.length
      ? DrizzleAdapter(await getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens })
      : undefined,
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: (credentials, request) => authorizeCredentials(credentials, getClientIp(request.headers)),
      }),
      ...oauth,
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sessionVersion = user.sessionVersion ?? 0;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.user.sessionVersion = token.sessionVersion ?? 0;
        return session;
      },
    },
    // A wrong password is an expected outcome (the form says so, and throttling records it), not a
    // server error: Auth.js would log each one with a stack trace, burying real errors.
    logger: {
      error(error) {
        // `type` is a static string; `name` comes from the class name, which minifiers may rename.
        if ((error as { type?: string }).type !== 'CredentialsSignin') console.error(error);
      },
    },
    events: {
      signIn: ({ user, account }) => recordSignIn(user, account?.provider ?? 'credentials'),
    },
  };
}

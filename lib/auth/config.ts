import type { NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getUserByEmail } from '@/db/queries/users';
import { env } from '@/lib/env';
import { signInSchema } from '@/lib/validation/auth';
import { verifyPassword } from './passwords';

// Development and tests run without an env file; production must set AUTH_SECRET (Auth.js
// refuses to start without one).
const DEVELOPMENT_SECRET = 'worthwise-development-secret-do-not-use-in-production';

/**
 * Credentials sign-in with JWT sessions: Auth.js cannot keep Credentials sessions in the
 * database. The token carries only the user id; pages re-read the user and membership from the
 * database on every request.
 */
export const authConfig: NextAuthConfig = {
  secret: env.AUTH_SECRET ?? (env.NODE_ENV === 'production' ? undefined : DEVELOPMENT_SECRET),
  session: { strategy: 'jwt' },
  pages: { signIn: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await getUserByEmail(parsed.data.email);
        if (!user?.passwordHash) return null;
        if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

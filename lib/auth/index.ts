import NextAuth from 'next-auth';
import { cache } from 'react';
import { getAuthConfig } from './config';

const nextAuth = NextAuth(getAuthConfig);

export const { handlers, signIn, signOut } = nextAuth;

/** The session for this request, read once per render. */
export const auth = cache(nextAuth.auth);

export { AuthError } from 'next-auth';

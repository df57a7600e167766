import { NextResponse, type NextRequest } from 'next/server';

// Auth.js names its session cookie with a __Secure- prefix on https.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * A friendlier redirect only: a signed-out visit to a workspace page goes to sign-in and comes back
 * to the page afterwards. It checks that a session cookie is present, nothing more; every page,
 * action and route handler still checks the session and membership itself.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.getAll().some((c) => c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ['/w/:path*'] };

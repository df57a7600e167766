import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The origin for links we hand out. APP_URL wins: behind a proxy the Host header is whatever the
 * client sent, and an e-mailed link must not point at a host an attacker chose.
 */
export async function getPublicOrigin(): Promise<string> {
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}

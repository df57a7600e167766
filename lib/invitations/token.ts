import { createHash, randomBytes } from 'node:crypto';

/** An invitation is valid this long after it is sent (or re-sent). */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** SHA-256 (hex) of a link token: what the database stores and looks up. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh link token (32 random bytes, base64url) and its hash. Only the hash is stored. */
export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** One message for unknown, expired, used and revoked links, so a link reveals nothing about why. */
export const INVALID_INVITATION_MESSAGE = 'This invitation link is not valid: it may have expired, been used or been revoked. Ask for a new one.';

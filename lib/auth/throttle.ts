/**
 * Sign-in throttling rules. Pure: the caller passes the failure times it read and the clock.
 *
 * Each key (one e-mail, one IP) gets `freeFailures` failed passwords per lookback window; after
 * that the next attempt must wait a minute after the latest failure, doubling with every further
 * failure up to 15 minutes. So the 6th wrong password within a minute is refused outright.
 */
export interface ThrottleRule {
  freeFailures: number;
}

/** Failures older than this no longer count. */
export const THROTTLE_LOOKBACK_MS = 15 * 60_000;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 15 * 60_000;

export const EMAIL_RULE: ThrottleRule = { freeFailures: 5 };
// An office or a mobile carrier puts many people behind one address, so an IP gets more room.
export const IP_RULE: ThrottleRule = { freeFailures: 20 };

/** Milliseconds until the key may try again; 0 when it may try now. */
export function getRetryDelayMs(failures: readonly Date[], now: Date, rule: ThrottleRule): number {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < THROTTLE_LOOKBACK_MS);
  if (recent.length < rule.freeFailures) return 0;
  const latest = Math.max(...recent.map((f) => f.getTime()));
  const delay = Math.min(FIRST_DELAY_MS * 2 ** (recent.length - rule.freeFailures), MAX_DELAY_MS);
  return Math.max(0, latest + delay - now.getTime());
}

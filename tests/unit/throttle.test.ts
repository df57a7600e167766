import { describe, expect, it } from 'vitest';
import { EMAIL_RULE, getRetryDelayMs, IP_RULE } from '@/lib/auth/throttle';

const now = new Date('2025-03-01T12:00:00Z');
const secondsAgo = (...s: number[]) => s.map((n) => new Date(now.getTime() - n * 1000));

describe('getRetryDelayMs', () => {
  it('lets four failures through and blocks after the fifth for a minute from the latest one', () => {
    expect(getRetryDelayMs(secondsAgo(40, 30, 20, 10), now, EMAIL_RULE)).toBe(0);
    expect(getRetryDelayMs(secondsAgo(40, 30, 20, 10, 5), now, EMAIL_RULE)).toBe(55_000);
  });

  it('doubles the wait with each further failure, up to 15 minutes', () => {
    expect(getRetryDelayMs(secondsAgo(300, 240, 180, 120, 70, 60), now, EMAIL_RULE)).toBe(60_000); // 2 min after the 6th
    expect(getRetryDelayMs(secondsAgo(600, 590, 580, 570, 560, 550, 540, 530, 520, 1), now, EMAIL_RULE)).toBe(15 * 60_000 - 1000);
  });

  it('forgets failures older than 15 minutes', () => {
    expect(getRetryDelayMs(secondsAgo(901, 902, 903, 904, 905), now, EMAIL_RULE)).toBe(0);
  });

  it('gives an IP 20 free failures', () => {
    const nineteen = secondsAgo(...Array.from({ length: 19 }, (_, i) => i + 1));
    expect(getRetryDelayMs(nineteen, now, IP_RULE)).toBe(0);
    expect(getRetryDelayMs([...nineteen, now], now, IP_RULE)).toBe(60_000);
  });
});

// Expected counts: tests/fixtures/datasets/README.md ("Facts to check a CDNOW implementation against",
// counted from CDNOW_sample.txt and matching BTYD's CDNOW summary). Small cases: hand calculation.
import { describe, expect, it } from 'vitest';
import { ClvInputError, summarizeTransactions } from '@/lib/metrics/clv/index';
import { cdnowCalibration } from './cdnow-fixture';

describe('CDNOW summary at 1997-09-30 in weeks (README facts)', () => {
  const cal = cdnowCalibration();

  it('has 2,357 customers, Σx = 2,457 and 946 repeat buyers', () => {
    expect(cal.customers).toHaveLength(2357);
    expect(cal.frequency.reduce((a, b) => a + b, 0)).toBe(2457);
    expect(cal.frequency.filter((x) => x > 0)).toHaveLength(946);
  });

  it('gives a customer first buying on 1997-01-01 T = 272/7, and customer 1 x = 2, t_x = 213/7, m = 22.345', () => {
    const first = cal.customers.find((c) => c.customerId === '0001')!;
    expect(first.T).toBe(272 / 7);
    expect(first.frequency).toBe(2);
    expect(first.recency).toBe(213 / 7); // 1997-01-01 → 1997-08-02 is 213 days
    expect(first.monetaryValue).toBeCloseTo((29.73 + 14.96) / 2, 12);
  });

  it('keeps customers whose only order was $0.00 (acquisition counts whatever its value)', () => {
    const zero = cal.customers.find((c) => c.customerId === '0087')!;
    expect(zero).toMatchObject({ frequency: 0, recency: 0, monetaryValue: 0 });
  });
});

describe('summary rules (hand calculation)', () => {
  const opts = { calibrationEnd: '2024-01-31', unit: 'days' as const };

  it('merges same-day orders and ignores later days with net value ≤ 0', () => {
    const r = summarizeTransactions(
      [
        { customerId: 'a', date: '2024-01-01', amount: 10 },
        { customerId: 'a', date: '2024-01-05', amount: 20 },
        { customerId: 'a', date: '2024-01-05', amount: 5 }, // same day: one purchase worth 25
        { customerId: 'a', date: '2024-01-10', amount: 30 },
        { customerId: 'a', date: '2024-01-10', amount: -30 }, // refunded in full: not a purchase
        { customerId: 'a', date: '2024-01-20', amount: -4 }, // refund-only day: not a purchase
        { customerId: 'a', date: '2024-02-02', amount: 50 }, // after calibration
      ],
      opts,
    );
    expect(r.customers).toEqual([{ customerId: 'a', frequency: 1, recency: 4, T: 30, monetaryValue: 25, firstPurchase: '2024-01-01' }]);
  });

  it('leaves out and counts customers whose first purchase is after the calibration end', () => {
    const r = summarizeTransactions(
      [
        { customerId: 'a', date: '2024-01-01', amount: 10 },
        { customerId: 'late', date: '2024-02-01', amount: 10 },
      ],
      opts,
    );
    expect(r.customers.map((c) => c.customerId)).toEqual(['a']);
    expect(r.firstPurchaseAfterCalibration).toBe(1);
  });

  it('assigns timestamps to days in the workspace time zone', () => {
    const tx = [
      { customerId: 'a', date: '2024-01-01T10:00:00Z', amount: 10 },
      // 23:30 on Jan 1 in New York is 04:30 UTC on Jan 2: same local day as the first order.
      { customerId: 'a', date: '2024-01-02T04:30:00Z', amount: 10 },
    ];
    expect(summarizeTransactions(tx, { ...opts, timeZone: 'America/New_York' }).customers[0]!.frequency).toBe(0);
    expect(summarizeTransactions(tx, { ...opts, timeZone: 'UTC' }).customers[0]!.frequency).toBe(1);
  });

  it('measures weeks as days / 7', () => {
    const r = summarizeTransactions(
      [
        { customerId: 'a', date: '2024-01-01', amount: 1 },
        { customerId: 'a', date: '2024-01-11', amount: 1 },
      ],
      { calibrationEnd: '2024-01-31', unit: 'weeks' },
    );
    expect(r.customers[0]).toMatchObject({ recency: 10 / 7, T: 30 / 7 });
  });

  it('throws typed errors for an unreadable date, a bad time zone or a bad calibration end', () => {
    expect(() => summarizeTransactions([{ customerId: 'a', date: '2024-02-30', amount: 1 }], opts)).toThrow(ClvInputError);
    expect(() => summarizeTransactions([], { ...opts, timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    expect(() => summarizeTransactions([], { ...opts, calibrationEnd: '31/01/2024' })).toThrow(/calibration end/);
  });
});

import { describe, expect, it } from 'vitest';
import { customerMetrics, periodMetrics } from '@/lib/metrics/historic';
import { CUSTOMER_A, CUSTOMER_B, CUSTOMER_C, PERIOD_ABC } from '@/tests/fixtures/customer-histories';

describe('customerMetrics (hand-computed fixtures)', () => {
  it('nets refunds out of historic CLV and averages over orders', () => {
    const m = customerMetrics(CUSTOMER_A);
    expect(m.netClvMinor).toBe(6000);
    expect(m.aovMinor).toBeCloseTo(6550 / 3, 10);
    expect(m.orders).toBe(3);
  });

  it('counts a zero-value order as an order', () => {
    expect(customerMetrics(CUSTOMER_B)).toMatchObject({ orders: 1, netClvMinor: 0, aovMinor: 0 });
  });

  it('gives a refund-only customer a negative CLV and an AOV of 0, not NaN', () => {
    expect(customerMetrics(CUSTOMER_C)).toMatchObject({ orders: 0, netClvMinor: -1200, aovMinor: 0 });
  });
});

describe('periodMetrics', () => {
  it('derives every KPI from the sums', () => {
    const m = periodMetrics(PERIOD_ABC);
    expect(m.netRevenueMinor).toBe(4800);
    expect(m.aovMinor).toBe(1637.5);
    expect(m.purchaseFrequency).toBe(2);
    expect(m.customerValueMinor).toBe(3275);
    expect(m.repeatRate).toBe(0.5);
    expect(m.meanClvMinor).toBe(2400);
  });

  it('reproduces the CDNOW_master totals counted in tests/fixtures/datasets/README.md', () => {
    // 69,659 orders, $2,500,315.63, 23,570 customers: AOV 35.894, frequency 2.9554.
    const m = periodMetrics({ orders: 69_659, revenueMinor: 250_031_563, refundsMinor: 0, activeCustomers: 23_570, repeatCustomers: 0 });
    expect(m.aovMinor / 100).toBeCloseTo(35.8936, 4);
    expect(m.purchaseFrequency).toBeCloseTo(2.95541, 5);
    expect(m.customerValueMinor).toBeCloseTo(250_031_563 / 23_570, 6);
  });

  it('returns zeros, never NaN, for an empty period', () => {
    const m = periodMetrics({ orders: 0, revenueMinor: 0, refundsMinor: 0, activeCustomers: 0, repeatCustomers: 0 });
    for (const value of Object.values(m)) expect(Number.isFinite(value)).toBe(true);
  });
});

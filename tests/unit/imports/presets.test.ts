// Each preset's mapper on its fixture (tests/fixtures/imports). Expected values are worked out by
// hand from the fixture rows, in the comments beside them.
import { describe, expect, it } from 'vitest';
import { brief, readAll } from './read-fixture';

describe('Shopify orders export', () => {
  it('groups line items by Name, reads order fields from the first row, and excludes by status', async () => {
    const { orders, report } = await readAll('shopify-orders.csv');
    expect(orders.map(brief)).toEqual([
      // #1001: Total 54.00 at 10:00 −05:00 = 15:00 UTC; two line items, quantity 1 + 2.
      [1, 'ana@example.test', '#1001', '2024-01-05T15:00:00.000Z', 5400, 0],
      // "Ben@Example.test": e-mail keys compare without case.
      [3, 'ben@example.test', '#1002', '2024-01-20T14:30:00.000Z', 2000, 0],
      // partially_refunded: Total 80.00, Refunded Amount 30.00.
      [4, 'ana@example.test', '#1003', '2024-02-10T23:45:00.000Z', 8000, 3000],
      [9, 'ben@example.test', '#1006', '2024-03-01T17:00:00.000Z', 2500, 2500],
      // 23:30 −04:00 (EDT) on 1 April is 03:30 UTC on 2 April.
      [13, 'ana@example.test', '#1010', '2024-04-02T03:30:00.000Z', 125000, 0],
      [16, 'eve@example.test', '#1011', '2024-04-05T14:00:00.000Z', 0, 0],
    ]);
    expect(orders.map((o) => o.quantity)).toEqual([3, 1, 3, 1, 2, 1]);
    expect(report).toMatchObject({
      preset: 'shopify', rowsRead: 16, ordersUsed: 6, refundsUsed: 2, rowsExcluded: 6, customers: 3,
      excluded: {
        'no customer key': { count: 1, exampleRows: [7] }, // #1004, a POS order without e-mail
        'payment pending': { count: 1, exampleRows: [8] },
        voided: { count: 1, exampleRows: [10] },
        cancelled: { count: 1, exampleRows: [11] }, // #1008 paid, then cancelled
        'not captured': { count: 1, exampleRows: [12] }, // authorized
        'duplicate order': { count: 1, exampleRows: [15] }, // #1002 again after #1010
      },
      zeroAmounts: { count: 1, exampleRows: [16] },
      // 54 + 20 + 80 + 25 + 1250 + 0 = 1429.00 gross; 30 + 25 = 55.00 refunded.
      currencies: { USD: { orders: 6, refunds: 2, grossMinor: 142900, refundedMinor: 5500, netMinor: 137400 } },
    });
  });
});

describe('Stripe payments export', () => {
  it('counts captured paid or refunded charges, keyed by Customer ID then e-mail, in UTC', async () => {
    const { orders, report } = await readAll('stripe-unified-payments.csv', { timeZone: 'America/New_York' });
    expect(orders.map(brief)).toEqual([
      [1, 'cus_Pa0001', 'ch_3Oa0001', '2024-01-03T08:15:00.000Z', 4900, 0],
      [2, 'cus_Pa0001', 'ch_3Oa0002', '2024-01-10T12:00:00.000Z', 1999, 0],
      [3, 'cus_Pb0002', 'ch_3Oa0003', '2024-01-11T00:30:00.000Z', 9900, 9900],
      [6, 'hal@example.test', 'ch_3Oa0006', '2024-02-01T09:00:00.000Z', 12000, 2000], // no Customer ID: e-mail
      [11, 'cus_Pa0001', 'ch_3Oa0011', '2024-03-01T23:59:59.000Z', 100000, 0],
      [12, 'cus_Pc0003', 'ch_3Oa0012', '2024-03-02T10:00:00.000Z', 500, 0],
    ]);
    expect(report.excluded).toEqual({
      'payment failed': { count: 1, exampleRows: [4] },
      'no charge id': { count: 1, exampleRows: [5] },
      'no customer key': { count: 1, exampleRows: [7] },
      'not captured': { count: 1, exampleRows: [8] },
      'test mode': { count: 1, exampleRows: [9] },
      'duplicate order': { count: 1, exampleRows: [10] },
    });
    // 49 + 19.99 + 99 + 120 + 1000 + 5 = 1292.99; refunded 99 + 20 = 119.00.
    expect(report.currencies).toEqual({ USD: { orders: 6, refunds: 2, grossMinor: 129299, refundedMinor: 11900, netMinor: 117399 } });
    expect(report.customers).toBe(4);
  });
});

describe('WooCommerce order exports', () => {
  it('reads the snake_case layout; month-first dates decided by 03/15/2024 further down', async () => {
    const { orders, report } = await readAll('woocommerce-order-export.csv');
    expect(orders.map(brief)).toEqual([
      [1, 'jo@example.test', '1001', '2024-01-02T09:15:00.000Z', 3550, 0],
      [2, 'kim@example.test', '1002', '2024-01-05T14:00:00.000Z', 1200, 0],
      [3, 'jo@example.test', '1003', '2024-02-03T10:30:00.000Z', 2000, 2000],
      [6, 'kim@example.test', '1006', '2024-03-15T16:45:00.000Z', 123450, 0],
      [9, 'lee@example.test', '1009', '2024-04-01T10:00:00.000Z', 6000, 1500],
    ]);
    expect(orders[0]!.quantity).toBe(3); // line_items: Mug × 2 + Tea × 1
    expect(report.dateOrder).toEqual({ order_date: 'MM/DD/YYYY (decided from the whole column)' });
    expect(report.excluded).toEqual({
      cancelled: { count: 1, exampleRows: [4] },
      'payment failed': { count: 1, exampleRows: [5] },
      'payment pending': { count: 2, exampleRows: [7, 8] }, // on-hold, pending
      'no customer key': { count: 1, exampleRows: [10] },
      'duplicate order': { count: 1, exampleRows: [11] },
      'status not counted': { count: 1, exampleRows: [12] }, // checkout-draft
    });
    // 35.50 + 12 + 20 + 1234.50 + 60 = 1362.00; refunded 20 + 15 = 35.00.
    expect(report.currencies.USD).toEqual({ orders: 5, refunds: 2, grossMinor: 136200, refundedMinor: 3500, netMinor: 132700 });
  });

  it('reads the Advanced Order Export layout: semicolons, decimal commas, a quoted line break, CRLF', async () => {
    const { orders, report } = await readAll('woocommerce-advanced-order-export.csv', { currency: 'EUR' });
    expect(orders.map(brief)).toEqual([
      [1, 'max@example.test', '2001', '2024-05-01T10:00:00.000Z', 4990, 0],
      [2, 'nia@example.test', '2002', '2024-05-03T11:30:00.000Z', 123450, 0], // "1.234,50"
      [3, 'max@example.test', '2003', '2024-05-04T09:00:00.000Z', 1990, 1990], // refund written "-19,90"
      [5, 'nia@example.test', '2005', '2024-05-10T15:20:00.000Z', 1000, 250],
    ]);
    expect(report).toMatchObject({
      preset: 'woocommerce', rowsRead: 8, rowsExcluded: 4,
      excluded: { cancelled: { count: 1, exampleRows: [4] }, 'payment pending': { count: 2, exampleRows: [6, 7] }, 'no customer key': { count: 1, exampleRows: [8] } },
      // 49.90 + 1234.50 + 19.90 + 10.00 = 1314.30; refunded 19.90 + 2.50 = 22.40.
      currencies: { EUR: { orders: 4, refunds: 2, grossMinor: 131430, refundedMinor: 2240, netMinor: 129190 } },
    });
  });
});

describe('UCI Online Retail', () => {
  it('I: one order per invoice, quantity × unit price exact, C invoices refunded, each non-product code by its rule', async () => {
    const { orders, report } = await readAll('online-retail-i.csv');
    expect(orders.map(brief)).toEqual([
      // 6 × 2.55 + 6 × 3.39 + POST 18.00 = 15.30 + 20.34 + 18.00 = 53.64
      [1, '90001', '536365', '2010-12-01T08:26:00.000Z', 5364, 0],
      [4, '90002', '536366', '2010-12-01T08:28:00.000Z', 2220, 0], // 2 × 6 × 1.85
      // C536368: −2 × 1.85 − 1 × 5.00 (discount D) = −8.70, a refund
      [7, '90002', 'C536368', '2010-12-13T09:41:00.000Z', 0, 870],
      [15, '90003', '536374', '2010-12-16T10:00:00.000Z', 1275, 0], // PADS at 0.001 excluded
      [16, '90001', '536375', '2010-12-17T11:00:00.000Z', 1525, 0], // manual M 2.50 + 3 × 4.25
      [18, '90001', '536376', '2011-01-04T10:00:00.000Z', 885, 0], // customer "90001.0"
      [19, '90002', '536377', '2011-01-05T09:00:00.000Z', 251, 0], // 3 × 0.835 = 2.505 → 2.51 (half away from zero)
    ]);
    expect(report.excluded).toEqual({
      'no customer key': { count: 1, exampleRows: [6] },
      'fee, not a sale': { count: 2, exampleRows: [9, 10] }, // BANK CHARGES, AMAZONFEE
      'bad-debt adjustment': { count: 1, exampleRows: [11] },
      'stock adjustment': { count: 1, exampleRows: [12] },
      samples: { count: 1, exampleRows: [13] },
      'zero-value item': { count: 1, exampleRows: [14] },
      'duplicate order': { count: 1, exampleRows: [20] },
    });
    expect(report.currencies).toEqual({ GBP: { orders: 6, refunds: 1, grossMinor: 11520, refundedMinor: 870, netMinor: 10650 } });
  });

  it('II: ISO dates, a BOM and CRLF; a zero-priced invoice is a zero order', async () => {
    const { orders, report } = await readAll('online-retail-ii.csv');
    expect(orders.map(brief)).toEqual([
      [1, '91001', '489434', '2009-12-01T07:45:00.000Z', 16440, 0], // 12 × 6.95 + 12 × 6.75
      [3, '91002', '489435', '2009-12-01T07:46:00.000Z', 4110, 0], // 12 × 2.55 + DOT 10.50
      [6, '91002', 'C489437', '2009-12-02T10:00:00.000Z', 0, 510],
      [8, '91001', '489439', '2010-03-15T12:00:00.000Z', 1485, 0],
      [9, '91003', '489440', '2010-04-01T08:00:00.000Z', 0, 0],
    ]);
    expect(report).toMatchObject({ rowsRead: 9, rowsExcluded: 2, zeroAmounts: { count: 1, exampleRows: [9] }, negativeAmounts: { count: 1, exampleRows: [6] } });
  });
});

describe('CDNOW and the generic layout', () => {
  it('CDNOW sample: customer is the sample id; identical rows stay two purchases', async () => {
    const { orders, report } = await readAll('cdnow-sample.txt');
    expect(orders).toHaveLength(10);
    expect(orders.map((o) => o.customerKey)).toEqual(['0001', '0001', '0001', '0002', '0002', '0003', '0004', '0004', '0005', '0005']);
    // 29.33 + 29.73 + 14.96 + 12 + 12 + 45.21 + 0 + 26.48 + 77.43 + 9.99 = 257.13
    expect(report).toMatchObject({ preset: 'cdnow', customers: 5, duplicatesInFile: { count: 1, exampleRows: [5] }, zeroAmounts: { count: 1, exampleRows: [7] } });
    expect(report.currencies.USD!.grossMinor).toBe(25713);
  });

  it('generic: semicolons, day-first dates from the whole column, €, thousands dots, (5,00) and −20,00 refunds', async () => {
    const mapping = { customerId: 0, date: 1, amount: 2, orderId: 3, quantity: 4 };
    const { orders, report } = await readAll('generic-semicolon.csv', { currency: 'EUR', generic: { mapping } });
    expect(orders.map(brief)).toEqual([
      [1, 'müller', 'B-1', '2024-01-03T00:00:00.000Z', 1250, 0], // 03/01 is 3 January: 25/01 proves day first
      [2, 'Schmidt, Anna', 'B-2', '2024-01-25T00:00:00.000Z', 123456, 0],
      [3, 'müller', 'B-1', '2024-02-10T00:00:00.000Z', 0, 500],
      [4, 'weber', 'B-4', '2024-02-29T00:00:00.000Z', 0, 0],
      [5, 'weber', 'B-5', '2024-03-01T00:00:00.000Z', 9999, 0],
      [6, 'Schmidt, Anna', 'B-2', '2024-03-15T00:00:00.000Z', 0, 2000],
    ]);
    expect(report.dateOrder).toEqual({ Datum: 'DD/MM/YYYY (decided from the whole column)' });
    // One-time buyers: müller and Schmidt have one sale each, weber two → 2 of 3.
    expect(report.oneTimeBuyerShare).toBeCloseTo(2 / 3, 12);
  });
});

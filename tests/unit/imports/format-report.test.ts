// Hand-written reports, so that every count is known: thousands separators and singular nouns.
import { describe, expect, it } from 'vitest';
import { formatQualityReport } from '@/lib/imports/format-report';
import type { QualityReport } from '@/lib/imports/quality-report';

const none = { count: 0, exampleRows: [] };

function report(overrides: Partial<QualityReport>): QualityReport {
  return {
    preset: 'generic', rowsRead: 0, ordersUsed: 0, refundsUsed: 0, rowsExcluded: 0, excluded: {}, customers: 0,
    customersWithoutKey: none, duplicatesInFile: none, reimportedOrders: null, zeroAmounts: none, negativeAmounts: none,
    futureDates: none, currencies: {}, dateRange: null, dateOrder: {}, oneTimeBuyerShare: null,
    history: { isEnough: true, customersWithRepeat: 0, spanDays: 0, missing: [] },
    ...overrides,
  };
}

describe('formatQualityReport', () => {
  it('separates thousands (CDNOW_sample: 6,919 rows, 2,357 customers)', () => {
    const text = formatQualityReport(report({
      preset: 'cdnow', rowsRead: 6919, ordersUsed: 6919, customers: 2357, oneTimeBuyerShare: 0.5,
      currencies: { USD: { orders: 6919, refunds: 0, grossMinor: 24409194, refundedMinor: 0, netMinor: 24409194 } },
      duplicatesInFile: { count: 1204, exampleRows: [12, 1030, 2000] },
      reimportedOrders: 6919,
    }));
    expect(text).toEqual([
      '6,919 rows read → 6,919 orders and 0 refunds used; 0 excluded.',
      '2,357 customers, 50.0% of them bought once.',
      'Repeated rows inside the file (an order id seen before is left out; identical rows without one are kept as separate purchases): 1,204 (rows 12, 1,030, 2,000, …).',
      'Lines the workspace already holds (unchanged, or with a refund this file updates): 6,919.',
      'USD: $244,091.94 in 6,919 orders, $0.00 refunded, net $244,091.94.',
      'This file alone has enough history for the predictive models.',
    ]);
  });

  it('puts a count of one in the singular', () => {
    const text = formatQualityReport(report({
      rowsRead: 1, ordersUsed: 1, refundsUsed: 1, rowsExcluded: 1, customers: 1, oneTimeBuyerShare: 1,
      excluded: { cancelled: { count: 1, exampleRows: [4] } },
      currencies: { EUR: { orders: 1, refunds: 1, grossMinor: 1000, refundedMinor: 250, netMinor: 750 } },
    }));
    expect(text).toEqual([
      '1 row read → 1 order and 1 refund used; 1 excluded.',
      '  Excluded, cancelled: 1 (row 4).',
      '1 customer, 100.0% of them bought once.',
      'EUR: €10.00 in 1 order, €2.50 refunded, net €7.50.',
      'This file alone has enough history for the predictive models.',
    ]);
  });
});

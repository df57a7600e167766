// The words for what deleting an import removed: the delete button's message and the audit line.
import { describe, expect, it } from 'vitest';
import { describeDeletedImport, describeRemoval } from '@/lib/imports/describe-removal';

describe('describeRemoval', () => {
  it('names orders, refunds and customers, and the earlier refunds put back', () => {
    expect(describeRemoval({ ordersRemoved: 6, refundsRemoved: 2, refundsRestored: 0, customersRemoved: 3 }))
      .toBe('6 orders, 2 refunds and 3 customers removed');
    expect(describeRemoval({ ordersRemoved: 1, refundsRemoved: 0, refundsRestored: 1, customersRemoved: 0 }))
      .toBe('1 order and 0 customers removed; 1 earlier refund put back');
  });

  it('reads audit rows written before refunds were counted apart', () => {
    expect(describeRemoval({ ordersRemoved: 8, customersRemoved: 3 })).toBe('8 orders and 3 customers removed');
  });

  it('says an import that wrote nothing was only taken off the history', () => {
    expect(describeDeletedImport('orders.csv', { status: 'cancelled', ordersRemoved: 0, refundsRemoved: 0, refundsRestored: 0, customersRemoved: 0 }))
      .toBe('Removed orders.csv from the import history (cancelled: nothing had been imported)');
    expect(describeDeletedImport('orders.csv', { status: 'completed', ordersRemoved: 6, refundsRemoved: 2, refundsRestored: 0, customersRemoved: 3 }))
      .toBe('Deleted orders.csv: 6 orders, 2 refunds and 3 customers removed');
    // Audit rows written before the status was kept are of completed imports' deletions.
    expect(describeDeletedImport('orders.csv', { ordersRemoved: 8, customersRemoved: 3 })).toBe('Deleted orders.csv: 8 orders and 3 customers removed');
  });
});

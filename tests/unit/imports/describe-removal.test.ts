// The words for what deleting an import removed: the delete button's message and the audit line.
import { describe, expect, it } from 'vitest';
import { describeRemoval } from '@/lib/imports/describe-removal';

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
});

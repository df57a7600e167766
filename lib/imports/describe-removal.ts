import { formatCount } from '@/lib/format';

/** What deleting an import took away; audit rows written before a field existed lack it. */
export interface ImportRemoval {
  ordersRemoved?: number;
  refundsRemoved?: number;
  refundsRestored?: number;
  customersRemoved?: number;
}

/**
 * "6 orders, 2 refunds and 3 customers removed; 1 earlier refund put back" — the parts that
 * happened, for the delete button's message and the audit trail alike.
 */
export function describeRemoval(r: ImportRemoval): string {
  const removed = [
    formatCount(r.ordersRemoved ?? 0, 'order'),
    ...(r.refundsRemoved ? [formatCount(r.refundsRemoved, 'refund')] : []),
    formatCount(r.customersRemoved ?? 0, 'customer'),
  ];
  const list = `${removed.slice(0, -1).join(', ')} and ${removed[removed.length - 1]} removed`;
  return r.refundsRestored ? `${list}; ${formatCount(r.refundsRestored, 'earlier refund')} put back` : list;
}

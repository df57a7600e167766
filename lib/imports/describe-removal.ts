import { formatCount } from '@/lib/format';

/** What deleting an import took away; audit rows written before a field existed lack it. */
export interface ImportRemoval {
  /** The import's status when it was deleted: only a completed one had written anything. */
  status?: string;
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

/**
 * The outcome of deleting the import of `fileName`, for the delete button's message and the audit
 * line alike: "Deleted orders.csv: 6 orders … removed", or, for an import that wrote nothing,
 * "Removed orders.csv from the import history (cancelled: nothing had been imported)".
 */
export function describeDeletedImport(fileName: string, r: ImportRemoval): string {
  if (r.status !== undefined && r.status !== 'completed') return `Removed ${fileName} from the import history (${r.status}: nothing had been imported)`;
  return `Deleted ${fileName}: ${describeRemoval(r)}`;
}

import type { RowError } from './row-error';

/**
 * One order as every preset reads it, whatever the source layout. Amounts are integer minor
 * units of `currency`; a refund-only record (a generic row with a negative amount, a cancelled
 * invoice) has `grossMinor` 0 and its size in `refundedMinor`.
 */
export interface CanonicalOrder {
  /** The first source data row of the order (1-based, header not counted). */
  row: number;
  customerKey: string;
  orderId: string | null;
  occurredAt: Date;
  grossMinor: number;
  refundedMinor: number;
  /** ISO 4217 code. */
  currency: string;
  status: string | null;
  quantity: number | null;
}

/** Why a row (or every row of an order) was left out. Each preset documents when it uses which. */
export type ExclusionReason =
  | 'no customer key'
  | 'cancelled'
  | 'payment pending'
  | 'not captured'
  | 'voided'
  | 'payment failed'
  | 'status not counted'
  | 'test mode'
  | 'no charge id'
  | 'duplicate order'
  | 'fee, not a sale'
  | 'bad-debt adjustment'
  | 'samples'
  | 'zero-value item'
  | 'stock adjustment';

export type RowOutcome =
  | { kind: 'order'; order: CanonicalOrder }
  | { kind: 'excluded'; row: number; reason: ExclusionReason; column?: string; value?: string }
  /** A malformed row: the whole file is rejected, so nothing half-read is ever imported. */
  | { kind: 'error'; error: RowError };

/** True when the order is stored with a sale line (a refund-only record has none). */
export function hasSaleLine(order: CanonicalOrder): boolean {
  return order.grossMinor > 0 || order.refundedMinor === 0;
}

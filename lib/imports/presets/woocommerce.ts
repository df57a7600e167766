import type { ExclusionReason, RowOutcome } from '../canonical';
import { RowCells } from './cells';
import { ALWAYS_HEADER, findColumn, hasColumns, requireColumn, type Preset } from './types';

// Both common plugin layouts, compared without case or punctuation: the snake_case keys of
// "Customer / Order / Coupon Export" and the Import Export Suite (order_total, billing_email…),
// and the labels of "Advanced Order Export For WooCommerce" (Order Total Amount, Email (Billing)…).
const COLUMNS = {
  orderId: ['order_number', 'Order Number', 'order_id', 'Order ID'],
  date: ['order_date', 'Order Date', 'date_created'],
  status: ['status', 'Order Status'],
  total: ['order_total', 'Order Total Amount', 'Order Total'],
  refunded: ['refunded_total', 'order_refund', 'Order Refund Amount', 'Refunded Total'],
  currency: ['order_currency', 'Order Currency', 'Currency'],
  accountEmail: ['customer_email', 'Customer Email', 'Customer User Email'],
  billingEmail: ['billing_email', 'Email (Billing)', 'Billing Email'],
  lineItems: ['line_items', 'Line Items'],
} as const;

/** completed/processing are paid; refunded counts with its refund; money that never arrived is excluded. */
const COUNTED = new Set(['completed', 'processing', 'refunded', 'partially-refunded']);
const STATUS_REASONS: Record<string, ExclusionReason> = {
  cancelled: 'cancelled',
  failed: 'payment failed',
  pending: 'payment pending',
  'on-hold': 'payment pending',
  'pending-payment': 'payment pending',
};

/**
 * WooCommerce order exports, one row per order (a repeat of the same order number on the next
 * row is a further line item of it; anywhere else it is a duplicate). The customer is the account
 * e-mail, or the billing e-mail for guests. Dates are the store's format; the whole column decides
 * day/month order, and a column that leaves it open is read month-first, the plugins' default.
 */
export const woocommercePreset: Preset = {
  name: 'woocommerce',
  label: 'WooCommerce orders export',
  matches: (header) => hasColumns(header, [COLUMNS.orderId, COLUMNS.date, COLUMNS.status, COLUMNS.total, COLUMNS.billingEmail]),
  readsByName: true,
  currencyFrom: 'from its order currency column',
  hasHeader: ALWAYS_HEADER,
  dateColumns: (header) => [{ index: findColumn(header, COLUMNS.date), presetOrder: 'MM/DD/YYYY' }],
  createMapper(header, options) {
    const col = {
      orderId: requireColumn(header, COLUMNS.orderId, 'WooCommerce'),
      date: requireColumn(header, COLUMNS.date, 'WooCommerce'),
      status: requireColumn(header, COLUMNS.status, 'WooCommerce'),
      total: requireColumn(header, COLUMNS.total, 'WooCommerce'),
      billingEmail: requireColumn(header, COLUMNS.billingEmail, 'WooCommerce'),
      refunded: findColumn(header, COLUMNS.refunded),
      currency: findColumn(header, COLUMNS.currency),
      accountEmail: findColumn(header, COLUMNS.accountEmail),
      lineItems: findColumn(header, COLUMNS.lineItems),
    };
    const seen = new Set<string>();
    let previous = '';
    return {
      push(record, row): RowOutcome[] {
        const cells = new RowCells(header, record, row, options);
        const orderId = cells.text(col.orderId);
        const excluded = (reason: ExclusionReason, index: number): RowOutcome[] => [
          { kind: 'excluded', row, reason, column: cells.columnName(index), value: cells.text(index) },
        ];
        if (orderId !== '' && orderId === previous) return []; // a further line item of the order above
        previous = orderId;
        if (orderId === '') return [{ kind: 'error', error: { row, column: cells.columnName(col.orderId), value: '', message: 'is empty' } }];
        if (seen.has(orderId)) return excluded('duplicate order', col.orderId);
        seen.add(orderId);
        const status = cells.text(col.status).toLowerCase().replace(/^wc-/, '').replace(/[\s_]+/g, '-');
        if (!COUNTED.has(status)) return excluded(STATUS_REASONS[status] ?? 'status not counted', col.status);
        const currency = cells.currency(col.currency);
        const total = cells.money(col.total, currency);
        // Refund columns hold the amount given back, written positive or negative by different plugins.
        const refund = cells.money(col.refunded, currency, status === 'refunded' && col.refunded < 0 ? (total ?? 0) : 0);
        const occurredAt = cells.date(col.date);
        const customerKey = cells.emailKey(col.accountEmail) || cells.emailKey(col.billingEmail);
        if (total === null || refund === null || occurredAt === null || cells.errors.length > 0) return cells.errorOutcomes();
        if (customerKey === '') return excluded('no customer key', col.billingEmail);
        const order = {
          row, customerKey, orderId, occurredAt, grossMinor: total, refundedMinor: Math.abs(refund), currency, status,
          quantity: packedQuantity(cells.text(col.lineItems)),
        };
        return [{ kind: 'order', order }];
      },
      end: () => [],
    };
  },
};

/** Sum of "quantity:N" in a packed line_items cell ("name:Mug|quantity:2;name:Tea|quantity:1"); null if none. */
function packedQuantity(cell: string): number | null {
  const quantities = [...cell.matchAll(/(?:^|[|;,])\s*(?:quantity|qty)\s*:\s*(\d+)/gi)].map((m) => Number(m[1]));
  return quantities.length === 0 ? null : quantities.reduce((a, b) => a + b, 0);
}

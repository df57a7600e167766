import type { CanonicalOrder, ExclusionReason, RowOutcome } from '../canonical';
import { RowCells } from './cells';
import { ALWAYS_HEADER, findColumn, hasColumns, requireColumn, type Preset } from './types';

/**
 * Which `Financial Status` values count as revenue. Paid and refunded orders count (their refunds
 * come from `Refunded Amount`); partially_paid counts its Total, since the customer committed to it.
 * Money that never moved is excluded with its reason.
 */
const STATUS_RULES: Record<string, ExclusionReason | null> = {
  paid: null,
  partially_paid: null,
  partially_refunded: null,
  refunded: null,
  pending: 'payment pending',
  authorized: 'not captured',
  expired: 'not captured',
  voided: 'voided',
};

const COLUMNS = {
  name: ['Name'],
  email: ['Email'],
  status: ['Financial Status'],
  total: ['Total'],
  createdAt: ['Created at'],
  currency: ['Currency'],
  cancelledAt: ['Cancelled at'],
  refunded: ['Refunded Amount'],
  quantity: ['Lineitem quantity'],
} as const;

interface OpenOrder {
  name: string;
  row: number;
  isDuplicate: boolean;
  outcome: RowOutcome | null; // decided on the order's first row; quantities still add up
  quantity: number;
}

/**
 * Shopify's orders export: one row per line item, grouped by `Name` (#1001); order-level fields
 * are read from the order's first row only. `Email` is the customer key; `Cancelled at` excludes
 * the order; a Name that reappears after other orders is a duplicate and is excluded.
 */
export const shopifyPreset: Preset = {
  name: 'shopify',
  label: 'Shopify orders export',
  matches: (header) => hasColumns(header, [COLUMNS.name, COLUMNS.status, COLUMNS.createdAt, ['Lineitem name', 'Lineitem quantity']]),
  readsByName: true,
  currencyFrom: 'from its "Currency" column',
  hasHeader: ALWAYS_HEADER,
  dateColumns: (header) => [{ index: findColumn(header, COLUMNS.createdAt) }],
  createMapper(header, options) {
    const col = {
      name: requireColumn(header, COLUMNS.name, 'Shopify'),
      email: requireColumn(header, COLUMNS.email, 'Shopify'),
      status: requireColumn(header, COLUMNS.status, 'Shopify'),
      total: requireColumn(header, COLUMNS.total, 'Shopify'),
      createdAt: requireColumn(header, COLUMNS.createdAt, 'Shopify'),
      currency: findColumn(header, COLUMNS.currency),
      cancelledAt: findColumn(header, COLUMNS.cancelledAt),
      refunded: findColumn(header, COLUMNS.refunded),
      quantity: findColumn(header, COLUMNS.quantity),
    };
    const seen = new Set<string>();
    let open: OpenOrder | null = null;

    const flush = (): RowOutcome[] => {
      if (!open) return [];
      const done = open;
      open = null;
      if (done.isDuplicate) return [{ kind: 'excluded', row: done.row, reason: 'duplicate order', column: header[col.name], value: done.name }];
      const outcome = done.outcome;
      if (!outcome) return [];
      if (outcome.kind === 'order') outcome.order.quantity = col.quantity < 0 ? null : done.quantity;
      return [outcome];
    };

    return {
      push(record, row) {
        const cells = new RowCells(header, record, row, options);
        const name = cells.text(col.name);
        if (name === '') return [{ kind: 'error', error: { row, column: header[col.name]!, value: '', message: 'is empty (every line item names its order)' } }];
        const quantity = col.quantity < 0 ? 0 : (cells.quantity(col.quantity) ?? 0);
        if (open && open.name === name) {
          open.quantity += quantity;
          return cells.errorOutcomes();
        }
        const out = flush();
        const isDuplicate = seen.has(name);
        seen.add(name);
        const outcome = isDuplicate ? null : readOrder(cells, col, name);
        // A malformed first row rejects the file: report its errors, keep nothing of the order.
        open = { name, row, isDuplicate, quantity, outcome: cells.errors.length > 0 ? null : outcome };
        return [...out, ...cells.errorOutcomes()];
      },
      end: flush,
    };
  },
};

type Columns = Record<keyof typeof COLUMNS, number>;

/** The order's outcome from its first row; null when a cell did not parse (the errors are in `cells`). */
function readOrder(cells: RowCells, col: Columns, name: string): RowOutcome | null {
  const excluded = (reason: ExclusionReason, index: number): RowOutcome => ({
    kind: 'excluded', row: cells.row, reason, column: cells.columnName(index), value: cells.text(index),
  });
  if (cells.text(col.cancelledAt) !== '') return excluded('cancelled', col.cancelledAt);
  const status = cells.text(col.status).toLowerCase();
  const rule = STATUS_RULES[status];
  if (rule !== null) return excluded(rule ?? 'status not counted', col.status);
  const customerKey = cells.emailKey(col.email);
  const currency = cells.currency(col.currency);
  const total = cells.money(col.total, currency);
  const occurredAt = cells.date(col.createdAt);
  // A fully refunded order without the column (older exports) gave back its whole Total.
  const refunded = cells.money(col.refunded, currency, status === 'refunded' && col.refunded < 0 ? (total ?? 0) : 0);
  if (total === null || occurredAt === null || refunded === null) return null;
  if (customerKey === '') return excluded('no customer key', col.email);
  const order: CanonicalOrder = {
    row: cells.row, customerKey, orderId: name, occurredAt, grossMinor: total, refundedMinor: refunded,
    currency, status, quantity: null,
  };
  return { kind: 'order', order };
}

import type { ExclusionReason, RowOutcome } from '../canonical';
import { RowCells } from './cells';
import { ALWAYS_HEADER, findColumn, hasColumns, requireColumn, type Preset } from './types';

const COLUMNS = {
  id: ['id'],
  created: ['Created date (UTC)', 'Created (UTC)', 'Created'],
  amount: ['Amount'],
  refunded: ['Amount Refunded'],
  currency: ['Currency'],
  captured: ['Captured'],
  status: ['Status'],
  customerId: ['Customer ID'],
  customerEmail: ['Customer Email'],
  mode: ['Mode'],
} as const;

/** Charges that moved money. A refund sits on its charge row (`Amount Refunded`), never on a row of its own. */
const COUNTED = new Set(['paid', 'succeeded', 'refunded', 'partially refunded']);
const STATUS_REASONS: Record<string, ExclusionReason> = {
  failed: 'payment failed',
  pending: 'payment pending',
  canceled: 'not captured',
  uncaptured: 'not captured',
};

/**
 * Stripe's payments export (unified_payments.csv): one row per charge, amounts in major units of
 * the charge `Currency` (the `Converted …` columns, in the account's currency, are not used: every
 * order keeps its own currency). Counted: captured charges with status Paid, Refunded or Partially
 * refunded. Excluded: empty id, test-mode rows, failed or uncaptured attempts, repeated ids.
 * The customer is `Customer ID`, falling back to `Customer Email`. Timestamps are UTC.
 */
export const stripePreset: Preset = {
  name: 'stripe',
  label: 'Stripe payments export',
  matches: (header) => hasColumns(header, [COLUMNS.id, COLUMNS.amount, COLUMNS.refunded, COLUMNS.captured, COLUMNS.created]),
  readsByName: true,
  currencyFrom: 'from its "Currency" column',
  hasHeader: ALWAYS_HEADER,
  dateColumns: (header) => [{ index: findColumn(header, COLUMNS.created) }],
  createMapper(header, options) {
    const col = {
      id: requireColumn(header, COLUMNS.id, 'Stripe'),
      created: requireColumn(header, COLUMNS.created, 'Stripe'),
      amount: requireColumn(header, COLUMNS.amount, 'Stripe'),
      refunded: findColumn(header, COLUMNS.refunded),
      currency: findColumn(header, COLUMNS.currency),
      captured: findColumn(header, COLUMNS.captured),
      status: findColumn(header, COLUMNS.status),
      customerId: findColumn(header, COLUMNS.customerId),
      customerEmail: findColumn(header, COLUMNS.customerEmail),
      mode: findColumn(header, COLUMNS.mode),
    };
    const seen = new Set<string>();
    return {
      push(record, row): RowOutcome[] {
        const cells = new RowCells(header, record, row, options);
        const excluded = (reason: ExclusionReason, index: number): RowOutcome[] => [
          { kind: 'excluded', row, reason, column: cells.columnName(index), value: cells.text(index) },
        ];
        const id = cells.text(col.id);
        if (id === '') return excluded('no charge id', col.id);
        if (cells.text(col.mode).toLowerCase() === 'test') return excluded('test mode', col.mode);
        const status = cells.text(col.status).toLowerCase();
        if (col.status >= 0 && !COUNTED.has(status)) return excluded(STATUS_REASONS[status] ?? 'status not counted', col.status);
        if (cells.text(col.captured).toLowerCase() === 'false') return excluded('not captured', col.captured);
        if (seen.has(id)) return excluded('duplicate order', col.id);
        seen.add(id);
        const currency = cells.currency(col.currency);
        const amount = cells.money(col.amount, currency);
        const refunded = cells.money(col.refunded, currency, status === 'refunded' && col.refunded < 0 ? (amount ?? 0) : 0);
        const occurredAt = cells.date(col.created, 'UTC');
        const byId = cells.customerKey(col.customerId);
        const customerKey = byId || cells.emailKey(col.customerEmail);
        if (amount === null || refunded === null || occurredAt === null || cells.errors.length > 0) return cells.errorOutcomes();
        if (customerKey === '') return excluded('no customer key', col.customerId >= 0 ? col.customerId : col.customerEmail);
        const order = { row, customerKey, orderId: id, occurredAt, grossMinor: amount, refundedMinor: refunded, currency, status, quantity: null };
        return [{ kind: 'order', order }];
      },
      end: () => [],
    };
  },
};

import { FIELD_LABELS, REQUIRED_FIELDS, type ImportField } from '@/lib/csv/fields';
import type { RowOutcome } from '../canonical';
import { hasUnclosedQuote, ImportFileError, UNCLOSED_QUOTE_MESSAGE } from '../row-error';
import { RowCells } from './cells';
import type { GenericMapping, Preset } from './types';

const MAX_ORDER_ID_LENGTH = 200;

/**
 * Any CSV whose columns the user mapped (customer, date, amount, optional order id and quantity).
 * One row is one order; a negative amount is a refund (gross 0, refunded |amount|). A blank
 * customer is an error rather than an exclusion: the user pointed at that column.
 */
export const genericPreset: Preset = {
  name: 'generic',
  label: 'CSV with a column mapping',
  matches: () => true,
  readsByName: false,
  currencyFrom: null,
  hasHeader: (_first, _mapping, declared) => declared ?? true,
  dateColumns: (_header, mapping) => (mapping.date === undefined ? [] : [{ index: mapping.date }]),
  createMapper(header, options) {
    const mapping = requireMapping(options.mapping);
    const fields = (Object.keys(mapping) as ImportField[]).filter((f) => mapping[f] !== undefined);
    const width = Math.max(...fields.map((f) => mapping[f]!)) + 1;
    const name = (index: number) => header[index] ?? `Column ${index + 1}`;
    return {
      push(record, row): RowOutcome[] {
        if (record.length < width) {
          const missing = fields.find((f) => mapping[f]! >= record.length)!;
          const error = hasUnclosedQuote(record)
            ? { row, column: name(record.length - 1), value: '', message: UNCLOSED_QUOTE_MESSAGE }
            : { row, column: name(mapping[missing]!), value: '', message: `has ${record.length} fields; expected at least ${width}` };
          return [{ kind: 'error', error }];
        }
        const cells = new RowCells(header, record, row, options);
        const customerKey = cells.customerKey(mapping.customerId);
        if (customerKey === '' && cells.errors.length === 0) cells.fail(mapping.customerId, '', 'is empty');
        const occurredAt = cells.date(mapping.date);
        const amount = cells.money(mapping.amount, options.currency);
        const orderId = mapping.orderId === undefined ? '' : cells.text(mapping.orderId);
        if (orderId.length > MAX_ORDER_ID_LENGTH) cells.fail(mapping.orderId!, orderId, `is longer than ${MAX_ORDER_ID_LENGTH} characters`);
        const quantity = mapping.quantity === undefined ? null : cells.quantity(mapping.quantity);
        if (cells.errors.length > 0 || occurredAt === null || amount === null) return cells.errorOutcomes();
        const order = {
          row, customerKey, orderId: orderId || null, occurredAt, currency: options.currency, status: null, quantity,
          grossMinor: Math.max(amount, 0), refundedMinor: Math.max(-amount, 0),
        };
        return [{ kind: 'order', order }];
      },
      end: () => [],
    };
  },
};

type CompleteMapping = GenericMapping & Required<Pick<GenericMapping, 'customerId' | 'date' | 'amount'>>;

function requireMapping(mapping: GenericMapping): CompleteMapping {
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  if (missing.length > 0) {
    throw new ImportFileError(`Choose a column for: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}.`);
  }
  return mapping as CompleteMapping;
}

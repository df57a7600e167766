import type { RowOutcome } from '../canonical';
import { RowCells } from './cells';
import type { Preset } from './types';

/**
 * Hardie's CDNOW files, whitespace-separated: the master file (customer id, YYYYMMDD, CDs,
 * dollars; one header line) and the sample (master id, sample id, YYYYMMDD, CDs, dollars; no
 * header, customer = sample id, as in the published summaries). These files have no column names,
 * so this is the one layout read by position. Amounts are in the currency the upload names (USD).
 */
export const cdnowPreset: Preset = {
  name: 'cdnow',
  label: 'CDNOW (whitespace-separated)',
  matches: (_header, delimiter) => delimiter === 'whitespace',
  readsByName: false,
  currencyFrom: null,
  hasHeader: (first) => first.some((field) => /[a-z]/i.test(field)),
  dateColumns: () => [],
  createMapper(_header, options) {
    let width = 0;
    return {
      push(record, row): RowOutcome[] {
        width ||= record.length;
        const header = width >= 5 ? ['master_id', 'customer_id', 'date', 'cds', 'dollars'] : ['customer_id', 'date', 'cds', 'dollars'];
        if (record.length !== width || (width !== 4 && width !== 5)) {
          const error = { row, column: header[Math.min(record.length, header.length - 1)] ?? 'dollars', value: record.join(' '), message: `has ${record.length} fields; expected ${width === 5 ? 5 : 4}` };
          return [{ kind: 'error', error }];
        }
        const at = width - 4; // the sample's extra master-id column shifts the others by one
        const cells = new RowCells(header, record, row, { ...options, decimal: '.' });
        const customerKey = cells.customerKey(at);
        const occurredAt = cells.date(at + 1);
        const quantity = cells.quantity(at + 2);
        const amount = cells.money(at + 3, options.currency);
        if (occurredAt === null || amount === null || cells.errors.length > 0) return cells.errorOutcomes();
        const order = {
          row, customerKey, orderId: null, occurredAt, currency: options.currency, status: null, quantity,
          grossMinor: Math.max(amount, 0), refundedMinor: Math.max(-amount, 0),
        };
        return [{ kind: 'order', order }];
      },
      end: () => [],
    };
  },
};

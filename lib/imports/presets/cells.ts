import { parseMoney } from '@/lib/csv/amounts';
import { parseDateValue, parseQuantity } from '@/lib/csv/values';
import { isCurrencyCode } from '@/lib/money';
import type { RowOutcome } from '../canonical';
import type { RowError } from '../row-error';
import type { MapperOptions } from './types';

const MAX_KEY_LENGTH = 200;

/**
 * The cells of one record, read by column index. A cell that does not parse records a RowError
 * (row, column name, value, message) and reads as null, so a mapper checks `errors` once.
 */
export class RowCells {
  readonly errors: RowError[] = [];

  constructor(
    private readonly header: string[],
    private readonly record: string[],
    readonly row: number,
    private readonly options: MapperOptions,
  ) {}

  /** The trimmed cell; '' for a column the file does not have (index −1). */
  text(index: number): string {
    return index < 0 ? '' : (this.record[index] ?? '').trim();
  }

  /** Amount in minor units; blank reads as `blank` (null: required, so an error). */
  money(index: number, currency: string, blank: number | null = null): number | null {
    const value = this.text(index);
    if (value === '' && blank !== null) return blank;
    const parsed = parseMoney(value, currency, this.options.decimal);
    return parsed.ok ? parsed.value : this.fail(index, value, parsed.message);
  }

  /** `timeZone` overrides the workspace's for a column the source writes in a fixed zone (Stripe: UTC). */
  date(index: number, timeZone = this.options.timeZone): Date | null {
    const value = this.text(index);
    const parsed = parseDateValue(value, this.options.dateFormats.get(index) ?? 'auto', timeZone);
    return parsed.ok ? parsed.value : this.fail(index, value, parsed.message);
  }

  quantity(index: number): number | null {
    const value = this.text(index);
    const parsed = parseQuantity(value);
    return parsed.ok ? parsed.value : this.fail(index, value, parsed.message);
  }

  /**
   * A customer key, trimmed; '' means no key. The text is stored as is, even "=HYPERLINK(…)": it
   * is data, never evaluated (CSV output escapes it).
   */
  customerKey(index: number): string {
    const value = this.text(index);
    if (value.length > MAX_KEY_LENGTH) return this.fail(index, value, `is longer than ${MAX_KEY_LENGTH} characters`) ?? '';
    return value;
  }

  /**
   * An e-mail column used as the customer key: compared without case, because shop systems export
   * addresses as the customer typed them. (A generic file's keys stay as written, so re-imports
   * of files imported before presets existed still match their customers.)
   */
  emailKey(index: number): string {
    return this.customerKey(index).toLowerCase();
  }

  /** An ISO 4217 code from the file, or the fallback when the column is missing or blank. */
  currency(index: number): string {
    const value = this.text(index).toUpperCase();
    if (value === '') return this.options.currency;
    if (!isCurrencyCode(value)) return this.fail(index, value, 'is not an ISO 4217 currency code') ?? this.options.currency;
    return value;
  }

  columnName(index: number): string {
    return this.header[index] ?? `Column ${index + 1}`;
  }

  fail(index: number, value: string, message: string): null {
    this.errors.push({ row: this.row, column: this.columnName(index), value, message });
    return null;
  }

  errorOutcomes(): RowOutcome[] {
    return this.errors.map((error) => ({ kind: 'error', error }));
  }
}

// Reads a transactions file for the CLI the way an upload reads it: the preset is detected from the
// header (Shopify, Stripe, WooCommerce, Online Retail, CDNOW), and any other CSV is the generic
// layout with customer, date and amount columns named by flag.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { detectLayout } from '../csv/detect';
import { sniffEncoding } from '../csv/decode';
import { normalizeHeader } from '../csv/detect';
import { DATE_FORMATS, type DateFormat, type Delimiter } from '../csv/fields';
import { hasSaleLine, type CanonicalOrder } from '../imports/canonical';
import { detectPreset } from '../imports/presets/detect-preset';
import { readImport, type ImportReading } from '../imports/read-import';
import { ImportFileError, type RowError } from '../imports/row-error';
import type { Transaction } from '../metrics/clv/index';
import { minorUnitDigits } from '../money';
import { CliError, EXIT_USAGE } from './cli-error';

export interface TransactionFormat {
  format?: string;
  customerColumn: string;
  dateColumn: string;
  amountColumn: string;
  dateFormat: string;
  timeZone: string;
  currency: string;
  /** "Now", for the report's future-date check. */
  asOf: Date;
}

const SAMPLE_BYTES = 64 * 1024;

/** Starts reading `file` as an import; `batches` must be consumed for `reading` to fill in. */
export function openImport(file: string, f: TransactionFormat): ReturnType<typeof readImport> {
  if (!DATE_FORMATS.includes(f.dateFormat as DateFormat)) throw new CliError(`--date-format must be one of ${DATE_FORMATS.join(', ')}`, EXIT_USAGE);
  if (f.format && f.format !== 'csv' && f.format !== 'cdnow') throw new CliError(`--format must be csv or cdnow, got "${f.format}"`, EXIT_USAGE);
  const sample = readStart(file);
  const layout = detectLayout(new TextDecoder(sniffOrThrow(file, sample)).decode(sample));
  const delimiter: Delimiter = f.format === 'cdnow' ? 'whitespace' : f.format === 'csv' && layout.delimiter === 'whitespace' ? ',' : layout.delimiter;
  const preset = detectPreset(layout.sampleRows[0] ?? [], delimiter);
  const index = (name: string) => layout.columns.map(normalizeHeader).indexOf(normalizeHeader(name));
  const mapping = { customerId: index(f.customerColumn), date: index(f.dateColumn), amount: index(f.amountColumn) };
  if (preset.name === 'generic') {
    for (const [flag, name] of [['customer', f.customerColumn], ['date', f.dateColumn], ['amount', f.amountColumn]] as const) {
      if (index(name) < 0) throw new CliError(`${file}: no column "${name}" (columns: ${layout.columns.join(', ')}); set it with --${flag}-column`);
    }
  }
  return readImport({
    openBytes: () => createReadStream(file),
    timeZone: f.timeZone,
    asOf: f.asOf,
    currency: f.currency,
    generic: { mapping, hasHeader: true, delimiter, dateFormat: f.dateFormat as DateFormat },
  });
}

/** Reads transactions (a sale per order, a negative amount per refund), naming the file line of the first bad row. */
export async function readTransactions(file: string, f: TransactionFormat): Promise<Transaction[]> {
  const { batches, reading } = openImport(file, f);
  const out: Transaction[] = [];
  const currencies = new Set<string>();
  await consume(file, batches, reading, (o) => {
    currencies.add(o.currency);
    const scale = 10 ** minorUnitDigits(o.currency);
    const date = o.occurredAt.toISOString();
    if (hasSaleLine(o)) out.push({ customerId: o.customerKey, date, amount: o.grossMinor / scale });
    if (o.refundedMinor > 0) out.push({ customerId: o.customerKey, date, amount: -o.refundedMinor / scale });
  });
  // Monetary values and CLV average amounts: amounts in two currencies cannot be averaged as numbers.
  if (currencies.size > 1) {
    throw new CliError(`${file}: amounts are in ${[...currencies].sort().join(' and ')}; the models need one currency. `
      + 'Convert the file to one currency first (the app asks for a rate per currency when it imports it).');
  }
  return out;
}

/** Runs the reader to its end; whole-file problems and the first malformed row become CliErrors. */
export async function consume(file: string, batches: AsyncIterable<CanonicalOrder[]>, reading: ImportReading, each: (order: CanonicalOrder) => void): Promise<void> {
  await readToEnd(file, batches, each);
  const first = reading.errors[0];
  if (first) throw new CliError(describeFirstRowError(file, reading));
}

/** Runs the reader to its end, malformed rows or not (they are in `reading.errors`); a whole-file problem becomes a CliError. */
export async function readToEnd(file: string, batches: AsyncIterable<CanonicalOrder[]>, each: (order: CanonicalOrder) => void = () => {}): Promise<void> {
  try {
    for await (const batch of batches) for (const order of batch) each(order);
  } catch (e) {
    if (e instanceof ImportFileError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

/** "orders.csv line 7: amount "12.3x" is not a number" for the first malformed row of a reading that has one. */
export function describeFirstRowError(file: string, reading: ImportReading): string {
  const first = reading.errors[0]!;
  const value = first.value === '' ? 'the value' : `"${first.value}"`;
  return `${file} line ${fileLine(first, reading)}: ${first.column} ${value} ${first.message}`;
}

/** The 1-based line of the file a data row sits on. */
export function fileLine(error: RowError, reading: ImportReading): number {
  return error.row + (reading.hasHeader ? 1 : 0);
}

function readStart(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(SAMPLE_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SAMPLE_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function sniffOrThrow(file: string, sample: Uint8Array) {
  try {
    return sniffEncoding(sample);
  } catch (e) {
    if (e instanceof ImportFileError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

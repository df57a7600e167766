// Reads a transactions file: a CSV with customer, date and amount columns (names by flag), or the
// CDNOW whitespace format (no header: master id, sample id, YYYYMMDD, CDs, dollars; the customer is the
// sample id, column 2, as in the CDNOW summaries; the master file's one header line is skipped).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parseDay, type Transaction } from '../metrics/clv/index';
import { CliError, EXIT_USAGE } from './cli-error';

export interface TransactionFormat {
  format?: string;
  customerColumn: string;
  dateColumn: string;
  amountColumn: string;
  dateFormat: string;
}

const DATE_FORMATS = ['auto', 'YYYYMMDD', 'YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'];

/** Rewrites a date in `format` as YYYY-MM-DD (or passes an ISO timestamp through); null if unreadable. */
export function normalizeDate(text: string, format: string): string | null {
  const out = rewriteDate(text, format);
  // Reject impossible calendar dates such as 2020-13-01 here, where the file line is still known.
  return out !== null && parseDay(out.slice(0, 10)) !== null ? out : null;
}

function rewriteDate(text: string, format: string): string | null {
  const t = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const pad = (v: string): string => v.padStart(2, '0');
  switch (format) {
    case 'YYYYMMDD':
      return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : null;
    case 'YYYY-MM-DD':
      return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
    case 'MM/DD/YYYY':
      return slashed ? `${slashed[3]}-${pad(slashed[1]!)}-${pad(slashed[2]!)}` : null;
    case 'DD/MM/YYYY':
      return slashed ? `${slashed[3]}-${pad(slashed[2]!)}-${pad(slashed[1]!)}` : null;
    default:
      if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
      if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
      if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t) && !Number.isNaN(new Date(t.replace(' ', 'T')).getTime())) {
        // A bare "YYYY-MM-DD hh:mm:ss" (no offset) is a wall-clock time: its calendar day is as written.
        return /[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t.replace(' ', 'T') : t.slice(0, 10);
      }
      return null;
  }
}

function isCdnow(text: string, format: string | undefined): boolean {
  if (format) return format === 'cdnow';
  const first = text.split(/\r?\n/, 2).find((l) => l.trim() !== '') ?? '';
  return !first.includes(',') && first.trim().split(/\s+/).length >= 4;
}

function parseAmount(raw: string | undefined, where: string): number {
  const amount = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(amount)) throw new CliError(`${where}: amount "${raw ?? ''}" is not a number`);
  return amount;
}

function readCdnow(text: string, where: (line: number) => string): Transaction[] {
  const out: Transaction[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const cols = line.trim().split(/\s+/);
    if (line.trim() === '' || (i === 0 && /[a-z]/i.test(cols[1] ?? ''))) return; // blank line or header
    if (cols.length < 4) throw new CliError(`${where(i + 1)}: expected 5 whitespace-separated columns (CDNOW format)`);
    // The master file has 4 columns (id, date, cds, dollars); the sample has 5 (master id, sample id, …).
    const [id, date, amount] = cols.length >= 5 ? [cols[1]!, cols[2]!, cols[4]] : [cols[0]!, cols[1]!, cols[3]];
    const day = normalizeDate(date, 'YYYYMMDD');
    if (!day) throw new CliError(`${where(i + 1)}: date "${date}" is not YYYYMMDD`);
    out.push({ customerId: id, date: day, amount: parseAmount(amount, where(i + 1)) });
  });
  return out;
}

/** Reads transactions, naming the file line of the first bad row in the error. */
export function readTransactions(file: string, f: TransactionFormat): Transaction[] {
  if (!DATE_FORMATS.includes(f.dateFormat)) throw new CliError(`--date-format must be one of ${DATE_FORMATS.join(', ')}`, EXIT_USAGE);
  const text = readFileSync(file, 'utf8');
  const where = (line: number): string => `${file} line ${line}`;
  if (isCdnow(text, f.format)) return readCdnow(text, where);
  if (f.format && f.format !== 'csv') throw new CliError(`--format must be csv or cdnow, got "${f.format}"`, EXIT_USAGE);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  const fields = parsed.meta.fields ?? [];
  for (const column of [f.customerColumn, f.dateColumn, f.amountColumn]) {
    if (!fields.includes(column)) throw new CliError(`${file}: no column "${column}" (columns: ${fields.join(', ')}); set it with --customer-column, --date-column or --amount-column`);
  }
  const firstError = parsed.errors[0];
  if (firstError) throw new CliError(`${where((firstError.row ?? 0) + 2)}: ${firstError.message}`);
  return parsed.data.map((row, i) => {
    const id = (row[f.customerColumn] ?? '').trim();
    if (!id) throw new CliError(`${where(i + 2)}: empty ${f.customerColumn}`);
    const rawDate = row[f.dateColumn] ?? '';
    const date = normalizeDate(rawDate, f.dateFormat);
    if (!date) throw new CliError(`${where(i + 2)}: date "${rawDate}" does not match --date-format ${f.dateFormat}`);
    return { customerId: id, date, amount: parseAmount(row[f.amountColumn], where(i + 2)) };
  });
}

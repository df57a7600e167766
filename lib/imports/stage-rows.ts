import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '@/lib/csv/fields';
import { transactionRowSchema, type ImportTransactionsInput } from '@/lib/validation/imports';

/** A rejected cell: the data row (1-based, header not counted), the column and the value. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface StageReport {
  rowsRead: number;
  errorCount: number;
  /** The first MAX_REPORTED_ERRORS errors, in file order. */
  errors: RowError[];
}

export const MAX_REPORTED_ERRORS = 20;
const CHUNK_CHARS = 256 * 1024;

/**
 * Turns parsed records into CSV for the import staging table
 * (line_no, customer_key, occurred_at, amount_minor, order_id, quantity), validating every row.
 * Invalid rows are reported in `report` and not staged; the caller must reject the whole import
 * when `report.errorCount > 0` after the chunks are consumed. `linePrefix` starts every line
 * (e.g. "workspace id,import id," for the persistent import_rows table).
 */
export function stageRows(
  records: AsyncIterable<string[]>,
  options: ImportTransactionsInput & { timeZone: string },
  linePrefix = '',
): { chunks: AsyncGenerator<string>; report: StageReport } {
  const report: StageReport = { rowsRead: 0, errorCount: 0, errors: [] };
  const schema = transactionRowSchema(options);
  const mapping: ColumnMapping = options;
  const fields = IMPORT_FIELDS.filter((f) => mapping[f] !== undefined);
  const width = Math.max(...fields.map((f) => mapping[f]!)) + 1;
  let columns: string[] = [];
  const columnName = (field: ImportField) => columns[mapping[field]!] ?? `Column ${mapping[field]! + 1}`;

  const reject = (error: RowError) => {
    report.errorCount += 1;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ ...error, value: shortened(error.value) });
  };

  async function* chunks(): AsyncGenerator<string> {
    let buffer = '';
    let isHeader = options.hasHeader;
    for await (const record of records) {
      if (isHeader) {
        columns = record.map((name) => name.trim());
        isHeader = false;
        continue;
      }
      const row = ++report.rowsRead;
      if (record.length < width) {
        const missing = fields.find((f) => mapping[f]! >= record.length)!;
        reject({ row, column: columnName(missing), value: '', message: `has ${record.length} fields; expected at least ${width}` });
        continue;
      }
      const cell = (field: ImportField) => (mapping[field] === undefined ? '' : (record[mapping[field]!] ?? ''));
      const parsed = schema.safeParse({
        customerKey: cell('customerId'),
        occurredAt: cell('date'),
        amountMinor: cell('amount'),
        orderId: cell('orderId'),
        quantity: cell('quantity'),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = FIELD_FOR_KEY[String(issue.path[0])] ?? 'customerId';
        reject({ row, column: columnName(field), value: cell(field), message: issue.message });
        continue;
      }
      const r = parsed.data;
      buffer += `${linePrefix}${row},${csvField(r.customerKey)},${r.occurredAt.toISOString()},${r.amountMinor},${r.orderId === null ? '' : csvField(r.orderId)},${r.quantity ?? ''}\n`;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }

  return { chunks: chunks(), report };
}

const FIELD_FOR_KEY: Record<string, ImportField> = {
  customerKey: 'customerId',
  occurredAt: 'date',
  amountMinor: 'amount',
  orderId: 'orderId',
  quantity: 'quantity',
};

// A rejected cell is quoted back to the user; a 450 KB customer id must not become a 9 MB answer.
const MAX_QUOTED_CHARS = 80;

function shortened(value: string): string {
  return value.length <= MAX_QUOTED_CHARS ? value : `${value.slice(0, MAX_QUOTED_CHARS)}…`;
}

/** Quotes a CSV field for COPY; an unquoted empty field would be read as NULL. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

/** "Row 517 (line 518), column "amount": "12.3x" is not a number." */
export function describeRowError(error: RowError, hasHeader: boolean): string {
  const line = hasHeader ? ` (line ${error.row + 1})` : '';
  const value = error.value === '' ? 'the value' : `"${error.value}"`;
  return `Row ${error.row}${line}, column "${error.column}": ${value} ${error.message}.`;
}

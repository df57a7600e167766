import Papa from 'papaparse';
import type { ColumnMapping, DateFormat, Delimiter } from './fields';

/** What the first bytes of a file say about its layout. Pure: runs in the browser and on the server. */
export interface FileLayout {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Header names, or "Column 1", "Column 2"… for a file without a header row. */
  columns: string[];
  /** Up to `previewRows` data rows. */
  preview: string[][];
  /** Every complete row of the sample, the header row included, to re-read with `withHeader`. */
  sampleRows: string[][];
}

const HEADER_SYNONYMS: Record<keyof ColumnMapping, string[]> = {
  customerId: ['customerid', 'customer', 'customerkey', 'clientid', 'userid', 'buyerid', 'customeremail', 'email', 'masterid'],
  date: ['date', 'orderdate', 'occurredat', 'createdat', 'purchasedate', 'transactiondate', 'invoicedate', 'timestamp', 'datetime', 'paidat'],
  amount: ['amount', 'dollarvalue', 'total', 'ordertotal', 'value', 'revenue', 'sales', 'net', 'price', 'totalprice'],
  orderId: ['orderid', 'ordernumber', 'order', 'invoiceno', 'invoice', 'transactionid', 'chargeid'],
  quantity: ['quantity', 'qty', 'numberofcds', 'cds', 'units', 'items', 'lineitemquantity'],
};

export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Splits one line of the whitespace (CDNOW) layout. */
export function splitWhitespace(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/**
 * Reads the layout from the start of a file (a few KB are enough). `isWholeFile` says the sample
 * is the entire file, so its last line is complete too.
 */
export function detectLayout(sample: string, previewRows = 8, isWholeFile = false): FileLayout {
  const text = sample.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  // The last line of a sample may be cut off mid-row.
  const complete = isWholeFile || lines.length <= 1 ? lines : lines.slice(0, -1);
  const delimiter = detectDelimiter(complete) ?? detectQuotedDelimiter(complete.join('\n')) ?? fallbackDelimiter(complete);
  const rows =
    delimiter === 'whitespace'
      ? complete.map(splitWhitespace)
      : (Papa.parse<string[]>(complete.join('\n'), { delimiter, skipEmptyLines: true }).data ?? []);
  const first = rows[0] ?? [];
  const hasHeader = first.length > 0 && !first.every(looksLikeData);
  return withHeader({ delimiter, hasHeader, columns: [], preview: [], sampleRows: rows }, hasHeader, previewRows);
}

/** The same sample read with or without a header row (the user can correct the detection). */
export function withHeader(layout: FileLayout, hasHeader: boolean, previewRows = 8): FileLayout {
  const rows = layout.sampleRows;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => (hasHeader ? (rows[0]?.[i] ?? '').trim() || `Column ${i + 1}` : `Column ${i + 1}`));
  const start = hasHeader ? 1 : 0;
  return { ...layout, hasHeader, columns, preview: rows.slice(start, start + previewRows) };
}

const CANDIDATES = ['\t', ';', ','] as const;

/** Fast path: the same count of one candidate on every line. */
function detectDelimiter(lines: string[]): Delimiter | null {
  const head = lines.slice(0, 20);
  for (const candidate of CANDIDATES) {
    const counts = head.map((l) => l.split(candidate).length - 1);
    if (counts.length > 0 && counts.every((c) => c > 0 && c === counts[0])) return candidate;
  }
  return null;
}

/**
 * Quoted fields can hold the delimiter, decimal commas or line breaks, which defeat counting per
 * line; parsed quote-aware, the right delimiter gives every record the same width.
 */
function detectQuotedDelimiter(text: string): Delimiter | null {
  for (const candidate of CANDIDATES) {
    const rows = Papa.parse<string[]>(text, { delimiter: candidate, preview: 20, skipEmptyLines: true }).data;
    const width = rows[0]?.length ?? 0;
    if (width > 1 && rows.length > 1 && rows.every((r) => r.length === width)) return candidate;
  }
  return null;
}

function fallbackDelimiter(lines: string[]): Delimiter {
  const head = lines.slice(0, 20);
  if (head.some((l) => l.includes(','))) return ',';
  return head.length > 0 && head.every((l) => splitWhitespace(l).length > 1) ? 'whitespace' : ',';
}

function looksLikeData(cell: string): boolean {
  return /^[-+]?[\d.,:/\sTZ-]+$/.test(cell.trim()) && /\d/.test(cell);
}

/**
 * Proposes a column per field: by header name first, then (for a file without headers, such as
 * Hardie's CDNOW sample) by what the values look like. Only a proposal: the user confirms it.
 */
export function guessMapping(layout: FileLayout): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  const normalized = layout.columns.map(normalizeHeader);
  for (const field of Object.keys(HEADER_SYNONYMS) as (keyof ColumnMapping)[]) {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const index = normalized.indexOf(synonym);
      if (index >= 0 && !Object.values(mapping).includes(index)) {
        mapping[field] = index;
        break;
      }
    }
  }
  if (layout.hasHeader) return mapping;
  return guessByContent(layout.preview, layout.columns.length);
}

function guessByContent(rows: string[][], width: number): Partial<ColumnMapping> {
  const column = (i: number) => rows.map((r) => (r[i] ?? '').trim());
  const all = (i: number, re: RegExp) => rows.length > 0 && column(i).every((v) => re.test(v));
  const indexes = Array.from({ length: width }, (_, i) => i);
  const date = indexes.find((i) => all(i, /^(\d{8}|\d{4}-\d{2}-\d{2}.*)$/));
  const amount = [...indexes].reverse().find((i) => i !== date && all(i, /^-?\d+\.\d+$/));
  const quantity = indexes.find((i) => i !== date && i !== amount && i > (date ?? 0) && all(i, /^\d+$/));
  const mapping: Partial<ColumnMapping> = {};
  if (width > 0) mapping.customerId = 0;
  if (date !== undefined) mapping.date = date;
  if (amount !== undefined) mapping.amount = amount;
  if (quantity !== undefined) mapping.quantity = quantity;
  return mapping;
}

/** Suggests a date format from sample values: explicit only when the values leave no doubt. */
export function guessDateFormat(values: string[]): DateFormat {
  const slashed = values.filter((v) => /^\d{1,2}\/\d{1,2}\/\d{4}/.test(v.trim()));
  if (slashed.length === 0) return 'auto';
  const firstParts = slashed.map((v) => Number(v.trim().split('/')[0]));
  const secondParts = slashed.map((v) => Number(v.trim().split('/')[1]));
  if (firstParts.some((n) => n > 12)) return 'DD/MM/YYYY';
  if (secondParts.some((n) => n > 12)) return 'MM/DD/YYYY';
  return 'auto';
}

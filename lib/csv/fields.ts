/** The fields of a transaction row that an upload maps its columns to. */
export const IMPORT_FIELDS = ['customerId', 'date', 'amount', 'orderId', 'quantity'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ImportField[] = ['customerId', 'date', 'amount'];

export const FIELD_LABELS: Record<ImportField, string> = {
  customerId: 'Customer id',
  date: 'Date',
  amount: 'Amount',
  orderId: 'Order id',
  quantity: 'Quantity',
};

/** Column index per field; optional fields may be absent. */
export type ColumnMapping = { customerId: number; date: number; amount: number; orderId?: number; quantity?: number };

/**
 * How a file is split into fields. `whitespace` is the CDNOW layout (runs of spaces between
 * fields, as in Hardie's published files).
 */
export const DELIMITERS = [',', ';', '\t', 'whitespace'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Date formats an upload may declare. `auto` accepts only unambiguous ones: ISO 8601 and YYYYMMDD. */
export const DATE_FORMATS = ['auto', 'YYYY-MM-DD', 'YYYYMMDD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

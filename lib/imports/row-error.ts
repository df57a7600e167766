/** A rejected cell: the data row (1-based, header not counted), the column and the value. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** "Row 517 (line 518), column "amount": "12.3x" is not a number." */
export function describeRowError(error: RowError, hasHeader: boolean): string {
  const line = hasHeader ? ` (line ${error.row + 1})` : '';
  const value = error.value === '' ? 'the value' : `"${error.value}"`;
  return `Row ${error.row}${line}, column "${error.column}": ${value} ${error.message}.`;
}

/**
 * A problem with the file as a whole (not text, over the size limit, a date column that cannot be
 * read one way): nothing is imported. `row`/`column` name the place when there is one.
 */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly where: { row?: number; column?: string } = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A short record whose last field holds a line break: a quote opened there was never closed. */
export function hasUnclosedQuote(record: readonly string[]): boolean {
  return /[\r\n]/.test(record.at(-1) ?? '');
}

export const UNCLOSED_QUOTE_MESSAGE = 'has a quote (“"”) that is never closed, so the lines after it were read as part of this field';

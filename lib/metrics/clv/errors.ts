// Thrown for input that is wrong rather than merely unlucky: a summary with recency > T, a negative
// amount, an unknown model name. Data that are valid but cannot support a fit (no repeat buyers) are
// not errors; they come back as { ok: false } results (see results.ts).

export type ClvErrorCode =
  | 'invalid-summary'
  | 'invalid-transaction'
  | 'invalid-params'
  | 'invalid-option'
  | 'unknown-model';

/** Invalid input, with a machine-readable code and the 0-based row when one is to blame. */
export class ClvInputError extends Error {
  readonly code: ClvErrorCode;
  /** 0-based index of the offending customer or row, when there is one. */
  readonly row: number | undefined;

  constructor(code: ClvErrorCode, message: string, row?: number) {
    super(message);
    this.name = 'ClvInputError';
    this.code = code;
    this.row = row;
  }
}

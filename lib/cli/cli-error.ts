// Errors the CLI reports on stderr with an exit code: bad input (1) or bad usage (2).
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
/** The fit ran but returned { ok: false }: the JSON is still printed. */
export const EXIT_FIT_FAILED = 3;

// Command-line flags, parsed with node:util parseArgs. Every flag is listed in USAGE.
import { parseArgs } from 'node:util';
import type { Transaction } from '../metrics/clv/index';
import { CliError, EXIT_USAGE } from './cli-error';

export const USAGE = `usage:
  worthwise inspect <file> [--tz Area/City]   the data-quality report of an import, as JSON; writes nothing
  worthwise summary <file> --calibration-end YYYY-MM-DD [--unit days|weeks]
  worthwise fit <file> --model bgnbd|mbgnbd|pnbd|gg|bgbb|sbg [--calibration-end …] [--unit …]
  worthwise predict <file> --model bgnbd|mbgnbd|pnbd|gg|bgbb|sbg --horizon <t> [--params <json>]
                    [--clv-months 12 --discount 0.01 --margin 1 --month-length calendar|lifetimes|<units>]
input flags:
  --summary                 <file> is customer_id,frequency,recency,T[,monetary_value] in --unit
                            Shopify, Stripe, WooCommerce and Online Retail exports are recognised by
                            their header; other CSVs use the column flags below
  --format csv|cdnow        transactions format (default: cdnow for whitespace-separated files)
  --customer-column NAME    default customer_id (also --date-column date, --amount-column amount)
  --date-format F           auto (ISO 8601, YYYYMMDD, Excel serials; day/month order decided from the
                            whole column), YYYYMMDD, YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY
  --currency CODE           of files that name none (default USD)
  --tz ZONE, --time-zone    IANA zone that decides an order's calendar day (default UTC)
  --calibration-end DATE    fit and predict: default the last transaction date; summary needs it
  --unit days|weeks         default days
  --periods N               sbg: fit on periods 0..N only; --segment COLUMN picks one sbg column`;

export interface CliArgs {
  command: string;
  file: string;
  /** Read before a command runs (see withTransactions), for commands that summarise transactions. */
  transactions?: Transaction[];
  values: {
    model?: string;
    'calibration-end'?: string;
    unit?: string;
    summary?: boolean;
    format?: string;
    'customer-column'?: string;
    'date-column'?: string;
    'amount-column'?: string;
    'date-format'?: string;
    'time-zone'?: string;
    tz?: string;
    currency?: string;
    horizon?: string;
    params?: string;
    'clv-months'?: string;
    discount?: string;
    margin?: string;
    'month-length'?: string;
    periods?: string;
    segment?: string;
    help?: boolean;
  };
}

const STRING_FLAGS = [
  'model', 'calibration-end', 'unit', 'format', 'customer-column', 'date-column', 'amount-column', 'date-format',
  'time-zone', 'tz', 'currency', 'horizon', 'params', 'clv-months', 'discount', 'margin', 'month-length', 'periods', 'segment',
] as const;

export function parseCliArgs(argv: string[]): CliArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = { summary: { type: 'boolean' }, help: { type: 'boolean' } };
  for (const flag of STRING_FLAGS) options[flag] = { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`, EXIT_USAGE);
  }
  const [command, file] = parsed.positionals;
  if (parsed.values.help || !command) throw new CliError(USAGE, EXIT_USAGE);
  if (!file) throw new CliError(`${command}: missing input file\n${USAGE}`, EXIT_USAGE);
  return { command, file, values: parsed.values as CliArgs['values'] };
}

/** A numeric flag, or the default; rejects text that is not a finite number. */
export function numberFlag(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(`--${name} must be a number, got "${value}"`, EXIT_USAGE);
  return n;
}

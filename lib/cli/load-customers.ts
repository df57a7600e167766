// Customer summaries for fit/predict: from --summary CSV as is, or computed from transactions.
import { isTimeZone } from '../csv/values';
import { isCurrencyCode } from '../money';
import { collectPurchaseHistories, formatDay, summarizeHistories, type TimeUnit, type Transaction } from '../metrics/clv/index';
import type { CliArgs } from './args';
import { CliError, EXIT_USAGE } from './cli-error';
import { readSummaryCsv, type SummaryRow } from './read-tables';
import { readTransactions, type TransactionFormat } from './read-transactions';

export interface LoadedCustomers {
  rows: SummaryRow[];
  unit: TimeUnit;
  /** Customers left out because they first bought after the calibration end. */
  excluded: number;
  calibrationEnd?: string;
}

export function unitFlag(args: CliArgs): TimeUnit {
  const unit = args.values.unit ?? 'days';
  if (unit !== 'days' && unit !== 'weeks') throw new CliError(`--unit must be days or weeks, got "${unit}"`, EXIT_USAGE);
  return unit;
}

/** The reading flags; `asOf` is the caller's "now". */
export function transactionFormat(args: CliArgs, asOf: Date): TransactionFormat {
  const timeZone = timeZoneFlag(args);
  const currency = (args.values.currency ?? 'USD').toUpperCase();
  if (!isCurrencyCode(currency)) throw new CliError(`--currency must be an ISO 4217 code, got "${args.values.currency}"`, EXIT_USAGE);
  return {
    format: args.values.format,
    customerColumn: args.values['customer-column'] ?? 'customer_id',
    dateColumn: args.values['date-column'] ?? 'date',
    amountColumn: args.values['amount-column'] ?? 'amount',
    dateFormat: args.values['date-format'] ?? 'auto',
    timeZone,
    currency,
    asOf,
  };
}

function timeZoneFlag(args: CliArgs): string {
  const zone = args.values.tz ?? args.values['time-zone'] ?? 'UTC';
  if (!isTimeZone(zone)) throw new CliError(`--tz must be an IANA time zone such as Europe/Berlin, got "${zone}"`, EXIT_USAGE);
  return zone;
}

/** Reads the transactions a command needs up front (reading is asynchronous; the models are not). */
export async function withTransactions(args: CliArgs, format: TransactionFormat): Promise<CliArgs> {
  const readsTables = args.values.summary || args.values.model === 'bgbb' || args.values.model === 'sbg';
  return readsTables ? args : { ...args, transactions: await readTransactions(args.file, format) };
}

export function loadCustomers(args: CliArgs): LoadedCustomers {
  const unit = unitFlag(args);
  if (args.values.summary) return { rows: readSummaryCsv(args.file), unit, excluded: 0 };
  const transactions: Transaction[] = args.transactions ?? [];
  if (transactions.length === 0) throw new CliError(`${args.file}: no transactions`);
  const histories = collectPurchaseHistories(transactions, timeZoneFlag(args));
  // Like the app: without a calibration end, calibrate on everything up to the last order.
  const calibrationEnd = args.values['calibration-end'] ?? formatDay(Math.max(...histories.map((h) => h.days[h.days.length - 1]!)));
  const summary = summarizeHistories(histories, { calibrationEnd, unit });
  return {
    rows: summary.customers.map((c) => ({ ...c, monetaryValue: c.monetaryValue })),
    unit,
    excluded: summary.firstPurchaseAfterCalibration,
    calibrationEnd,
  };
}

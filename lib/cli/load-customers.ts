// Customer summaries for fit/predict: from --summary CSV as is, or computed from transactions.
import { collectPurchaseHistories, formatDay, summarizeHistories, type TimeUnit } from '../metrics/clv/index';
import type { CliArgs } from './args';
import { CliError, EXIT_USAGE } from './cli-error';
import { readSummaryCsv, type SummaryRow } from './read-tables';
import { readTransactions } from './read-transactions';

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

export function loadCustomers(args: CliArgs): LoadedCustomers {
  const unit = unitFlag(args);
  if (args.values.summary) return { rows: readSummaryCsv(args.file), unit, excluded: 0 };
  const transactions = readTransactions(args.file, {
    format: args.values.format,
    customerColumn: args.values['customer-column'] ?? 'customer_id',
    dateColumn: args.values['date-column'] ?? 'date',
    amountColumn: args.values['amount-column'] ?? 'amount',
    dateFormat: args.values['date-format'] ?? 'auto',
  });
  if (transactions.length === 0) throw new CliError(`${args.file}: no transactions`);
  const histories = collectPurchaseHistories(transactions, args.values['time-zone'] ?? 'UTC');
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

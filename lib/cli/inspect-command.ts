// `worthwise inspect <file> [--tz Area/City]`: the data-quality report of a file as one JSON
// object, read exactly as an upload would be, without writing anything anywhere. A file with
// malformed rows (which an upload would refuse) still gets its report, with those rows listed
// under invalidRows, and exits 1 naming the first on stderr.
import type { CliArgs } from './args';
import type { CommandOutput } from './fit-command';
import { describeFirstRowError, fileLine, openImport, readToEnd, type TransactionFormat } from './read-transactions';

export async function runInspect(args: CliArgs, format: TransactionFormat): Promise<CommandOutput> {
  const { batches, reading } = openImport(args.file, format);
  await readToEnd(args.file, batches);
  const r = reading.report!;
  const json = {
    preset: r.preset,
    rowsRead: r.rowsRead,
    orders: r.ordersUsed,
    refunds: r.refundsUsed,
    rowsExcluded: r.rowsExcluded,
    excluded: r.excluded,
    customers: r.customers,
    totalsByCurrency: r.currencies,
    dateRange: r.dateRange,
    dateOrder: r.dateOrder,
    customersWithoutKey: r.customersWithoutKey,
    duplicatesInFile: r.duplicatesInFile,
    zeroAmounts: r.zeroAmounts,
    negativeAmounts: r.negativeAmounts,
    futureDates: r.futureDates,
    oneTimeBuyerShare: r.oneTimeBuyerShare,
    history: r.history,
    invalidRows: {
      count: reading.errorCount,
      examples: reading.errors.map((e) => ({ line: fileLine(e, reading), row: e.row, column: e.column, value: e.value, message: e.message })),
    },
  };
  const stdout = `${JSON.stringify(json)}\n`;
  return reading.errorCount > 0 ? { stdout, stderr: `worthwise: ${describeFirstRowError(args.file, reading)}\n`, exitCode: 1 } : { stdout, exitCode: 0 };
}

// `worthwise inspect <file> [--tz Area/City]`: the data-quality report of a file as one JSON
// object, read exactly as an upload would be, without writing anything anywhere.
import type { CliArgs } from './args';
import type { CommandOutput } from './fit-command';
import { consume, openImport, type TransactionFormat } from './read-transactions';

export async function runInspect(args: CliArgs, format: TransactionFormat): Promise<CommandOutput> {
  const { batches, reading } = openImport(args.file, format);
  await consume(args.file, batches, reading, () => {});
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
  };
  return { stdout: `${JSON.stringify(json)}\n`, exitCode: 0 };
}

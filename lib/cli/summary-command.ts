// `worthwise summary`: CSV of customer_id, frequency, recency, T, monetary_value at the calibration end.
import type { CliArgs } from './args';
import { CliError, EXIT_USAGE } from './cli-error';
import { toCsv } from './csv-output';
import type { CommandOutput } from './fit-command';
import { loadCustomers } from './load-customers';

export function runSummary(args: CliArgs): CommandOutput {
  if (args.values.summary) throw new CliError('summary reads transactions, not --summary input', EXIT_USAGE);
  if (!args.values['calibration-end']) throw new CliError('summary needs --calibration-end YYYY-MM-DD', EXIT_USAGE);
  const customers = loadCustomers(args);
  const rows = customers.rows.map((c) => [c.customerId, c.frequency, c.recency, c.T, c.monetaryValue]);
  const note = customers.excluded
    ? `${customers.excluded} customers first bought after ${customers.calibrationEnd} and are left out\n`
    : undefined;
  return { stdout: toCsv(['customer_id', 'frequency', 'recency', 'T', 'monetary_value'], rows), ...(note ? { stderr: note } : {}), exitCode: 0 };
}

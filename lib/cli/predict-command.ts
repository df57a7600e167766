// `worthwise predict`: per-customer CSV (summary columns, expected_purchases, p_alive,
// expected_avg_value, clv, then overdue and median_time_to_next); per pattern for bgbb; per period for sbg.
import {
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  compressSpend,
  fitBgBb,
  fitGammaGamma,
  fitSbg,
  gammaGammaExpectedSpend,
  parseModelName,
  runModel,
  sbgDerl,
  sbgRetentionRate,
  sbgSurvival,
  type BgBbParams,
  type GammaGammaParams,
  type MonthConvention,
  type SbgParams,
  type TransactionModelName,
  type TransactionParams,
} from '../metrics/clv/index';
import { numberFlag, type CliArgs } from './args';
import { CliError, EXIT_FIT_FAILED, EXIT_USAGE } from './cli-error';
import { toCsv, type Cell } from './csv-output';
import type { CommandOutput } from './fit-command';
import { loadCustomers } from './load-customers';
import { paramsFor, readParamsFile, type ParamsFile } from './params-file';
import { readPatterns, readSurvival } from './read-tables';

const SUMMARY_COLUMNS = ['customer_id', 'frequency', 'recency', 'T', 'monetary_value'];

function monthOption(value: string | undefined): { monthConvention?: MonthConvention; monthLength?: number } {
  if (value === undefined || value === 'calendar' || value === 'lifetimes') return { monthConvention: value };
  return { monthLength: numberFlag(value, 'month-length') };
}

function failed(message: string): CommandOutput {
  return { stdout: '', stderr: message + '\n', exitCode: EXIT_FIT_FAILED };
}

function predictTransactions(args: CliArgs, model: TransactionModelName, horizon: number, file: ParamsFile | null): CommandOutput {
  const customers = loadCustomers(args);
  const withMoney = customers.rows.some((c) => c.monetaryValue !== undefined);
  const params = file ? (paramsFor(args.values.params!, file, model) as unknown as TransactionParams) : undefined;
  const spendParams = file?.gg as unknown as GammaGammaParams | undefined;
  const result = runModel({
    customers: customers.rows.map((c) => (withMoney ? c : { frequency: c.frequency, recency: c.recency, T: c.T })),
    model,
    unit: customers.unit,
    horizon,
    ...(params ? { params } : {}),
    ...(spendParams ? { spendParams } : {}),
    clv: {
      months: numberFlag(args.values['clv-months'], 'clv-months', 12),
      monthlyDiscountRate: numberFlag(args.values.discount, 'discount', 0.01),
      margin: numberFlag(args.values.margin, 'margin', 1),
      ...monthOption(args.values['month-length']),
    },
  });
  if (!result.ok) return failed(result.failure.message);
  const p = result.predictions;
  const rows: Cell[][] = customers.rows.map((c, i) => [
    c.customerId, c.frequency, c.recency, c.T, c.monetaryValue,
    p.expectedPurchases[i], p.probabilityAlive[i], p.expectedSpend?.[i], p.clv?.[i], p.overdue[i], p.medianTimeToNext[i],
  ]);
  const header = [...SUMMARY_COLUMNS, 'expected_purchases', 'p_alive', 'expected_avg_value', 'clv', 'overdue', 'median_time_to_next'];
  const note = result.spend && !result.spend.ok ? `${result.spend.message}; expected_avg_value and clv left empty\n` : undefined;
  return { stdout: toCsv(header, rows), ...(note ? { stderr: note } : {}), exitCode: 0 };
}

function predictSpend(args: CliArgs, file: ParamsFile | null): CommandOutput {
  const customers = loadCustomers(args);
  const money = customers.rows.map((c) => c.monetaryValue ?? 0);
  let params = file ? (paramsFor(args.values.params!, file, 'gg') as unknown as GammaGammaParams) : undefined;
  if (!params) {
    const fit = fitGammaGamma(compressSpend(customers.rows.map((c) => c.frequency), money));
    if (!fit.ok) return failed(fit.message);
    params = fit.params;
  }
  const spendParams = params;
  const rows = customers.rows.map((c, i) => {
    const s = gammaGammaExpectedSpend(spendParams, c.frequency, money[i]!);
    return [c.customerId, c.frequency, c.recency, c.T, c.monetaryValue, s.value, s.isPopulationMean ? 1 : 0];
  });
  return { stdout: toCsv([...SUMMARY_COLUMNS, 'expected_avg_value', 'is_population_mean'], rows), exitCode: 0 };
}

function predictBgBb(args: CliArgs, horizon: number, file: ParamsFile | null): CommandOutput {
  const patterns = readPatterns(args.file);
  let params = file ? (paramsFor(args.values.params!, file, 'bgbb') as unknown as BgBbParams) : undefined;
  if (!params) {
    const fit = fitBgBb(patterns);
    if (!fit.ok) return failed(fit.message);
    params = fit.params;
  }
  const p = params;
  if (!Number.isInteger(horizon)) throw new CliError('--horizon for bgbb is a whole number of opportunities', EXIT_USAGE);
  const rows = patterns.map((q) => [
    q.frequency, q.recency, q.periods, q.weight,
    bgBbExpectedPurchases(p, q.frequency, q.recency, q.periods, horizon), bgBbProbabilityAlive(p, q.frequency, q.recency, q.periods),
  ]);
  return { stdout: toCsv(['frequency', 'recency', 'periods', 'weights', 'expected_purchases', 'p_alive'], rows), exitCode: 0 };
}

function predictSbg(args: CliArgs, horizon: number, file: ParamsFile | null): CommandOutput {
  const discount = numberFlag(args.values.discount, 'discount', 0.1)!;
  const segments = readSurvival(args.file, numberFlag(args.values.periods, 'periods'));
  const rows: Cell[][] = [];
  for (const [segment, alive] of segments) {
    if (args.values.segment && segment !== args.values.segment) continue;
    let params = file ? (paramsFor(args.values.params!, file, 'sbg') as unknown as SbgParams) : undefined;
    if (!params) {
      const fit = fitSbg(alive);
      if (!fit.ok) return failed(`${segment}: ${fit.message}`);
      params = fit.params;
    }
    for (let t = 0; t <= horizon; t++) {
      rows.push([segment, t, sbgSurvival(params, t), t > 0 ? sbgRetentionRate(params, t) : null, sbgDerl(params, t, discount)]);
    }
  }
  return { stdout: toCsv(['segment', 'period', 'survival', 'retention_rate', 'derl'], rows), exitCode: 0 };
}

export function runPredict(args: CliArgs): CommandOutput {
  const model = parseModelName(args.values.model ?? '');
  const horizon = numberFlag(args.values.horizon, 'horizon');
  if (horizon === undefined || horizon < 0) throw new CliError('predict needs --horizon <t> ≥ 0 (in --unit; opportunities for bgbb; periods for sbg)', EXIT_USAGE);
  const file = args.values.params ? readParamsFile(args.values.params) : null;
  if (model === 'gg') return predictSpend(args, file);
  if (model === 'bgbb') return predictBgBb(args, horizon, file);
  if (model === 'sbg') return predictSbg(args, horizon, file);
  return predictTransactions(args, model, horizon, file);
}

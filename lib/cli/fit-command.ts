// `worthwise fit`: one JSON object with model, params, logLikelihood, standardErrors, customers,
// converged and seconds (exit 3 and converged: false when the fit fails).
import {
  compressSpend,
  compressSummaries,
  fitBgBb,
  fitGammaGamma,
  fitSbg,
  getTransactionModel,
  parseModelName,
  type FitResult,
} from '../metrics/clv/index';
import { numberFlag, type CliArgs } from './args';
import { CliError, EXIT_FIT_FAILED, EXIT_USAGE } from './cli-error';
import { loadCustomers } from './load-customers';
import { readPatterns, readSurvival } from './read-tables';

export interface CommandOutput {
  stdout: string;
  stderr?: string;
  exitCode: number;
}

/** The JSON fields of a fit result (without model and seconds). */
export function describeFit<P>(fit: FitResult<P>): Record<string, unknown> {
  if (fit.ok) {
    const { params, logLikelihood, standardErrors, customers, converged } = fit;
    return { params, logLikelihood, standardErrors, customers, converged };
  }
  return { converged: false, reason: fit.reason, message: fit.message, customers: fit.customers, ...(fit.lastIterate ? { lastIterate: fit.lastIterate } : {}) };
}

function fitModel(args: CliArgs, model: string): { fields: Record<string, unknown>; ok: boolean } {
  if (model === 'bgbb') {
    const fit = fitBgBb(readPatterns(args.file));
    return { fields: describeFit(fit), ok: fit.ok };
  }
  if (model === 'sbg') {
    const periods = numberFlag(args.values.periods, 'periods');
    let segments = readSurvival(args.file, periods);
    if (args.values.segment) {
      const alive = segments.get(args.values.segment);
      if (!alive) throw new CliError(`${args.file}: no column "${args.values.segment}"`, EXIT_USAGE);
      segments = new Map([[args.values.segment, alive]]);
    }
    const fits = [...segments].map(([name, alive]) => [name, fitSbg(alive)] as const);
    const ok = fits.every(([, f]) => f.ok);
    if (fits.length === 1) return { fields: { segment: fits[0]![0], ...describeFit(fits[0]![1]) }, ok };
    return { fields: { segments: Object.fromEntries(fits.map(([name, f]) => [name, describeFit(f)])) }, ok };
  }
  const customers = loadCustomers(args);
  if (model === 'gg') {
    const fit = fitGammaGamma(compressSpend(customers.rows.map((c) => c.frequency), customers.rows.map((c) => c.monetaryValue ?? 0)));
    return { fields: describeFit(fit), ok: fit.ok };
  }
  const data = compressSummaries({
    frequency: customers.rows.map((c) => c.frequency),
    recency: customers.rows.map((c) => c.recency),
    T: customers.rows.map((c) => c.T),
  });
  const fit = getTransactionModel(model).fit(data);
  return { fields: { ...describeFit(fit), ...(customers.excluded ? { excludedFirstPurchaseAfterCalibration: customers.excluded } : {}) }, ok: fit.ok };
}

export function runFit(args: CliArgs): CommandOutput {
  const model = parseModelName(args.values.model ?? '');
  const started = performance.now();
  const { fields, ok } = fitModel(args, model);
  const seconds = (performance.now() - started) / 1000;
  return { stdout: JSON.stringify({ model, ...fields, seconds }) + '\n', exitCode: ok ? 0 : EXIT_FIT_FAILED };
}

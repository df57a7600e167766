// One call for the app and the CLI: fit (or take given parameters), then predict every customer.
// Customers are compressed first, so a million customers with day-resolution times cost little.
import { clvHorizons, discountedClv, isOverdue, medianTimeToNextPurchase, monthLength, type ClvOptions, type MonthConvention } from './clv';
import { compressSummaries, expandRows, type SummaryColumns } from './compress';
import { ClvInputError } from './errors';
import { compressSpend, fitGammaGamma, gammaGammaExpectedSpend, GG_PARAM_NAMES, type GammaGammaParams } from './gamma-gamma';
import { predictRows } from './predict-rows';
import { requireParams, type FitFailure, type FitResult, type FitSuccess } from './results';
import type { TimeUnit } from './summary';
import { getTransactionModel, type TransactionModelName, type TransactionParams } from './transaction-models';

/** Per-customer aggregates in `unit`, e.g. from SQL: x, t_x, T and (optional) mean repeat spend. */
export interface CustomerAggregate {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue?: number;
}

export type CustomerColumns = SummaryColumns & { monetaryValue?: ArrayLike<number> };

export interface RunModelInput {
  customers: CustomerAggregate[] | CustomerColumns;
  model: TransactionModelName;
  unit: TimeUnit;
  /** Horizon for expectedPurchases, in `unit`. */
  horizon: number;
  /** Use these parameters instead of fitting. */
  params?: TransactionParams;
  /** Gamma-Gamma parameters; fitted from monetaryValue when absent. */
  spendParams?: GammaGammaParams;
  /** CLV settings; defaults 12 months, 1 % a month, margin 1, calendar months. */
  clv?: Partial<ClvOptions> & { monthConvention?: MonthConvention };
}

/** Either a fit or the parameters the caller supplied. */
export type ParamsSource<P> = FitSuccess<P> | { ok: true; given: true; params: P };

export interface CustomerPredictions {
  /** E[Y(horizon) | x, t_x, T]: expected repeat purchases over the horizon. */
  expectedPurchases: Float64Array;
  /** P(alive) at the end of the data. */
  probabilityAlive: Float64Array;
  /** Median time to the next purchase if alive, in `unit`. */
  medianTimeToNext: Float64Array;
  /** 1 when the silence since the last purchase exceeds that median gap. */
  overdue: Uint8Array;
  /** Gamma-Gamma expected spend per purchase (currency), null without monetary values. */
  expectedSpend: Float64Array | null;
  /** 1 where expectedSpend is the population mean (x = 0). */
  spendIsPopulationMean: Uint8Array | null;
  /** Discounted CLV over the configured months (currency), null without a spend model. */
  clv: Float64Array | null;
}

export type RunModelResult =
  | {
      ok: true;
      model: TransactionModelName;
      transactions: ParamsSource<TransactionParams>;
      /** Spend model outcome; null when no monetary values were given. */
      spend: ParamsSource<GammaGammaParams> | FitFailure<GammaGammaParams> | null;
      clvOptions: ClvOptions;
      predictions: CustomerPredictions;
    }
  | { ok: false; model: TransactionModelName; failure: FitFailure<TransactionParams> };

function toColumns(customers: CustomerAggregate[] | CustomerColumns): CustomerColumns {
  if (!Array.isArray(customers)) return customers;
  const hasMoney = customers.some((c) => c.monetaryValue !== undefined);
  return {
    frequency: Float64Array.from(customers, (c) => c.frequency),
    recency: Float64Array.from(customers, (c) => c.recency),
    T: Float64Array.from(customers, (c) => c.T),
    ...(hasMoney ? { monetaryValue: Float64Array.from(customers, (c) => c.monetaryValue ?? 0) } : {}),
  };
}

function resolveClvOptions(input: RunModelInput): ClvOptions {
  const c = input.clv ?? {};
  const options = {
    months: c.months ?? 12,
    monthlyDiscountRate: c.monthlyDiscountRate ?? 0.01,
    margin: c.margin ?? 1,
    monthLength: c.monthLength ?? monthLength(input.unit, c.monthConvention),
  };
  if (!Number.isInteger(options.months) || options.months < 0) throw new ClvInputError('invalid-option', `months must be a whole number ≥ 0, got ${options.months}`);
  if (!(options.monthlyDiscountRate > -1)) throw new ClvInputError('invalid-option', `discount rate must be > −1, got ${options.monthlyDiscountRate}`);
  if (!Number.isFinite(options.margin)) throw new ClvInputError('invalid-option', `margin must be a number, got ${options.margin}`);
  if (!(options.monthLength > 0)) throw new ClvInputError('invalid-option', `month length must be > 0, got ${options.monthLength}`);
  return options;
}

/**
 * Fits (or takes) a transaction model and a Gamma-Gamma spend model and predicts, per customer:
 * E[Y(horizon)], P(alive), median time to next purchase, overdue, expected spend and discounted CLV
 * (see clv.ts for the formula). Throws ClvInputError for invalid input; a fit that cannot be made
 * comes back as { ok: false }.
 */
export function runModel(input: RunModelInput): RunModelResult {
  const model = getTransactionModel(input.model);
  if (!(input.horizon >= 0) || !Number.isFinite(input.horizon)) throw new ClvInputError('invalid-option', `horizon must be a number ≥ 0, got ${input.horizon}`);
  const clvOptions = resolveClvOptions(input);
  const columns = toColumns(input.customers);
  const data = compressSummaries(columns);

  let transactions: ParamsSource<TransactionParams>;
  if (input.params) {
    transactions = { ok: true, given: true, params: requireParams(model.name, model.paramNames, input.params) };
  } else {
    const fit: FitResult<TransactionParams> = model.fit(data);
    if (!fit.ok) return { ok: false, model: model.name, failure: fit };
    transactions = fit;
  }
  const params = transactions.params;

  let spend: ParamsSource<GammaGammaParams> | FitFailure<GammaGammaParams> | null = null;
  if (input.spendParams) spend = { ok: true, given: true, params: requireParams('gg', GG_PARAM_NAMES, input.spendParams) };
  else if (columns.monetaryValue) spend = fitGammaGamma(compressSpend(columns.frequency, columns.monetaryValue));

  const months = clvHorizons(clvOptions);
  const rows = predictRows(model, params, data, [input.horizon, ...months]);
  const perCustomer = rows.expectedPurchases.map((r) => expandRows(data, r));
  const n = data.customers;
  const medianTimeToNext = new Float64Array(n);
  const overdue = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [x, tx, T] = [columns.frequency[i]!, columns.recency[i]!, columns.T[i]!];
    medianTimeToNext[i] = medianTimeToNextPurchase(params, x, T);
    overdue[i] = isOverdue(params, x, tx, T) ? 1 : 0;
  }
  const predictions: CustomerPredictions = {
    expectedPurchases: perCustomer[0]!,
    probabilityAlive: expandRows(data, rows.probabilityAlive),
    medianTimeToNext,
    overdue,
    expectedSpend: null,
    spendIsPopulationMean: null,
    clv: null,
  };
  const spendParams = spend?.ok ? spend.params : null;
  if (spendParams && columns.monetaryValue) {
    const expectedSpend = new Float64Array(n);
    const isMean = new Uint8Array(n);
    const clv = new Float64Array(n);
    const cumulative = new Float64Array(clvOptions.months);
    let defined = true;
    for (let i = 0; i < n; i++) {
      const s = gammaGammaExpectedSpend(spendParams, columns.frequency[i]!, columns.monetaryValue[i]!);
      if (s.value === null) defined = false;
      expectedSpend[i] = s.value ?? 0;
      isMean[i] = s.isPopulationMean ? 1 : 0;
      for (let m = 0; m < clvOptions.months; m++) cumulative[m] = perCustomer[m + 1]![i]!;
      clv[i] = discountedClv(cumulative, expectedSpend[i]!, clvOptions);
    }
    // q ≤ 1 leaves one-time buyers without a finite mean spend: report no CLV rather than a wrong one.
    if (defined) Object.assign(predictions, { expectedSpend, spendIsPopulationMean: isMean, clv });
  }
  return { ok: true, model: model.name, transactions, spend, clvOptions, predictions };
}

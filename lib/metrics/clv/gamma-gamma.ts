// Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, JMR 42(4) §"Spend";
// Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value"). Each transaction value is
// gamma(p, ν) with ν ~ gamma(q, γ) across customers. Only customers with x > 0 repeat purchases and a
// positive mean m_x carry information; the likelihood of m_x (eq. 3 of the 2013 note) is
//   f(m_x | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m_x^(px−1) x^(px) / (γ + x m_x)^(px+q).
import { ClvInputError } from './errors';
import { minimizeLogScale } from './optimize/index';
import { notEnoughData, toFitResult, type FitResult } from './results';
import { lnGamma } from './special-functions';

export interface GammaGammaParams {
  /** Shape of the per-transaction gamma (unitless). */
  p: number;
  /** Shape (unitless) and scale γ (currency) of the gamma distribution of ν. */
  q: number;
  gamma: number;
}

export const GG_PARAM_NAMES = ['p', 'q', 'gamma'] as const;

/** Distinct (x, m_x) pairs with weights; customers with x = 0 or m_x ≤ 0 are left out (and counted). */
export interface SpendData {
  /** Distinct x values, and each row's index into them (the Γ terms depend on x only). */
  xs: Float64Array;
  xIndex: Int32Array;
  x: Float64Array;
  m: Float64Array;
  weight: Float64Array;
  customers: number;
  excluded: number;
}

/** Groups (frequency, monetary value) pairs; throws on negative or non-finite input. */
export function compressSpend(frequency: ArrayLike<number>, monetary: ArrayLike<number>): SpendData {
  const lookup = new Map<string, number>();
  const xs: number[] = [];
  const ms: number[] = [];
  const ws: number[] = [];
  let excluded = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!;
    const m = monetary[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(m) || x < 0) {
      throw new ClvInputError('invalid-summary', `customer ${i + 1}: frequency and monetary value must be finite, frequency ≥ 0`, i);
    }
    if (x === 0 || m <= 0) {
      excluded++;
      continue;
    }
    const key = `${x}|${m}`;
    let k = lookup.get(key);
    if (k === undefined) {
      k = ws.length;
      lookup.set(key, k);
      xs.push(x);
      ms.push(m);
      ws.push(0);
    }
    ws[k]!++;
  }
  const customers = frequency.length - excluded;
  const distinct = [...new Set(xs)];
  const position = new Map(distinct.map((v, i) => [v, i]));
  return {
    xs: Float64Array.from(distinct),
    xIndex: Int32Array.from(xs, (v) => position.get(v)!),
    x: Float64Array.from(xs),
    m: Float64Array.from(ms),
    weight: Float64Array.from(ws),
    customers,
    excluded,
  };
}

/** Weighted Σ ln f(m_x | p, q, γ; x) over the spend data (header formula). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  const { p, q, gamma } = params;
  const constant = -lnGamma(q) + q * Math.log(gamma);
  // Γ terms and px·ln x depend on x only: once per distinct x, not per customer.
  const perX = Float64Array.from(data.xs, (x) => lnGamma(p * x + q) - lnGamma(p * x) + p * x * Math.log(x) + constant);
  let total = 0;
  for (let i = 0; i < data.weight.length; i++) {
    const x = data.x[i]!;
    const m = data.m[i]!;
    const px = p * x;
    total += data.weight[i]! * (perX[data.xIndex[i]!]! + (px - 1) * Math.log(m) - (px + q) * Math.log(gamma + x * m));
  }
  return total;
}

/** Maximum-likelihood fit on customers with x > 0; deterministic start p = q = 1, γ = mean spend. */
export function fitGammaGamma(data: SpendData): FitResult<GammaGammaParams> {
  if (data.customers < 2) {
    return notEnoughData<GammaGammaParams>('gg', data.customers, `not enough repeat purchases to fit: ${data.customers} of ${data.customers + data.excluded} customers bought twice with a positive value`);
  }
  let spend = 0;
  for (let i = 0; i < data.weight.length; i++) spend += data.weight[i]! * data.m[i]!;
  const start = [0, Math.log(2), Math.log(spend / data.customers)];
  const negLL = (v: number[]): number =>
    -gammaGammaLogLikelihood({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) }, data);
  return toFitResult<GammaGammaParams>('gg', GG_PARAM_NAMES, minimizeLogScale(negLL, start), data.customers);
}

/** Population mean spend per transaction E[Z] = pγ/(q−1) (currency); null when q ≤ 1 (no finite mean). */
export function gammaGammaPopulationMean(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : null;
}

export interface ExpectedSpend {
  /** Currency per transaction; null when the model has no finite mean (q ≤ 1 and x = 0). */
  value: number | null;
  /** True when x = 0, so the value is the population mean rather than the customer's own estimate. */
  isPopulationMean: boolean;
}

/**
 * Conditional expected spend per transaction E[Z | m_x, x] = p(γ + x·m_x) / (px + q − 1) (currency),
 * a weighted mean of the population mean and m_x (2013 note eq. 5); x = 0 gives the population mean.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, m: number): ExpectedSpend {
  if (x <= 0) return { value: gammaGammaPopulationMean(params), isPopulationMean: true };
  const denom = params.p * x + params.q - 1;
  return { value: denom > 0 ? (params.p * (params.gamma + x * m)) / denom : null, isPopulationMean: false };
}

// Likelihood and fit shared by BG/NBD and MBG/NBD. Both assume Poisson purchasing with gamma(r, α)
// heterogeneous rates and a beta(a, b) drop-out probability p; they differ in when drop-out can happen:
//   BG/NBD  (Fader, Hardie & Lee 2005, Marketing Science 24(2), eq. 6): after each repeat purchase.
//   MBG/NBD (Batislam, Denizel & Filiztekin 2007, IJRM 24(3)): also right after the first purchase,
//           so a one-time buyer can be dead, unlike BG/NBD where P(alive | x = 0) = 1.
// With k = 0 (BG) or 1 (MBG) one expression covers both:
//   L = Γ(r+x) α^r / Γ(r) · [ B(a, b+x+k)/B(a,b) · (α+T)^−(r+x)
//                             + 1{x+k>0} · B(a+1, b+x+k−1)/B(a,b) · (α+t_x)^−(r+x) ]
import type { CompressedSummaries } from './compress';
import { minimizeLogScale } from './optimize/index';
import { notEnoughData, toFitResult, type FitResult, type ModelName } from './results';
import { lnBeta, lnGamma } from './special-functions';

export interface BgNbdParams {
  /** Shape of the gamma distribution of purchase rates λ (unitless). */
  r: number;
  /** Scale of that gamma distribution, in the time unit of the data (days or weeks). */
  alpha: number;
  /** Beta distribution of the drop-out probability p (unitless). */
  a: number;
  b: number;
}

export const BG_PARAM_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** 0 for BG/NBD, 1 for MBG/NBD: the number of extra drop-out chances before the first repeat purchase. */
export type BgVariant = 0 | 1;

/** Weighted log-likelihood Σ w·ln L(r, α, a, b | x, t_x, T) over compressed rows (see header formula). */
export function bgFamilyLogLikelihood(k: BgVariant, p: BgNbdParams, data: CompressedSummaries): number {
  const { r, alpha, a, b } = p;
  const lnBetaAB = lnBeta(a, b);
  const nx = data.xs.length;
  const base = new Float64Array(nx); // ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+k) − ln B(a, b)
  const deathShift = new Float64Array(nx); // ln[B(a+1, b+x+k−1) / B(a, b+x+k)] = ln a − ln(b+x+k−1)
  const lnGammaR = lnGamma(r);
  for (let i = 0; i < nx; i++) {
    const x = data.xs[i]!;
    base[i] = lnGamma(r + x) - lnGammaR + r * Math.log(alpha) + lnBeta(a, b + x + k) - lnBetaAB;
    deathShift[i] = x + k > 0 ? Math.log(a) - Math.log(b + x + k - 1) : -Infinity;
  }
  const logTime = new Float64Array(data.times.length);
  for (let i = 0; i < logTime.length; i++) logTime[i] = Math.log(alpha + data.times[i]!);

  let total = 0;
  for (let row = 0; row < data.rows; row++) {
    const xi = data.xIndex[row]!;
    const rx = r + data.x[row]!;
    const a3 = -rx * logTime[data.TIndex[row]!]!;
    const shift = deathShift[xi]!;
    let term = base[xi]! + a3;
    if (shift !== -Infinity) {
      // ln(e^A3 + e^A4) with A4 − A3 = shift + (r+x)·ln((α+T)/(α+t_x)); never forms (α+T)^(r+x).
      const d = shift + rx * (logTime[data.TIndex[row]!]! - logTime[data.txIndex[row]!]!);
      term += d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
    }
    total += data.weight[row]! * term;
  }
  return total;
}

/** Customers with at least one repeat purchase. */
export function countRepeatBuyers(data: CompressedSummaries): number {
  let n = 0;
  for (let row = 0; row < data.rows; row++) if (data.x[row]! > 0) n += data.weight[row]!;
  return n;
}

/** Deterministic start: r = 1 and α set so r/α matches the pooled purchase rate Σx / ΣT; a = b = 1. */
function startingPoint(data: CompressedSummaries): number[] {
  let purchases = 0;
  let exposure = 0;
  for (let row = 0; row < data.rows; row++) {
    purchases += data.weight[row]! * data.x[row]!;
    exposure += data.weight[row]! * data.T[row]!;
  }
  const rate = purchases > 0 && exposure > 0 ? purchases / exposure : 1;
  return [0, Math.log(1 / rate), 0, 0];
}

/** Maximum-likelihood fit of BG/NBD (k = 0) or MBG/NBD (k = 1) on compressed summaries. */
export function fitBgFamily(k: BgVariant, data: CompressedSummaries): FitResult<BgNbdParams> {
  const model: ModelName = k === 0 ? 'bgnbd' : 'mbgnbd';
  const repeaters = countRepeatBuyers(data);
  if (repeaters === 0 || data.customers < 2) {
    return notEnoughData<BgNbdParams>(model, data.customers, `not enough repeat purchases to fit: ${repeaters} of ${data.customers} customers bought twice`);
  }
  const negLL = (v: number[]): number =>
    -bgFamilyLogLikelihood(k, { r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) }, data);
  const fit = minimizeLogScale(negLL, startingPoint(data));
  return toFitResult<BgNbdParams>(model, BG_PARAM_NAMES, fit, data.customers);
}

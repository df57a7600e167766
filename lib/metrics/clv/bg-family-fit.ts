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
import { digamma, lnBeta, lnGamma } from './special-functions';

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
  return evaluate(k, p, data, null);
}

/**
 * Log-likelihood and its gradient with respect to (ln r, ln α, ln a, ln b), in one pass. With
 * σ = e^A4 / (e^A3 + e^A4) the share of the "died after the last purchase" term, per customer:
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − ln(α+T) + σ ln((α+T)/(α+t_x))
 *   ∂/∂α = r/α − (r+x)/(α+T) + σ (r+x) (1/(α+T) − 1/(α+t_x))
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x+k) + σ/a,   ∂/∂b = ψ(b+x+k) − ψ(a+b+x+k) − ψ(b) + ψ(a+b) − σ/(b+x+k−1).
 */
export function bgFamilyLogLikelihoodGradient(k: BgVariant, p: BgNbdParams, data: CompressedSummaries): { value: number; gradient: number[] } {
  const gradient = [0, 0, 0, 0];
  const value = evaluate(k, p, data, gradient);
  return { value, gradient };
}

function evaluate(k: BgVariant, p: BgNbdParams, data: CompressedSummaries, gradient: number[] | null): number {
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
  const times = data.times;
  const logTime = new Float64Array(times.length);
  for (let i = 0; i < logTime.length; i++) logTime[i] = Math.log(alpha + times[i]!);
  const { x: xs, weight, xIndex, TIndex, txIndex, rows } = data;
  const weightByX = new Float64Array(nx);
  let gr = 0;
  let ga = 0;
  let gA = 0;
  let gB = 0;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    const xi = xIndex[row]!;
    const w = weight[row]!;
    const rx = r + xs[row]!;
    const iT = TIndex[row]!;
    const logT = logTime[iT]!;
    const shift = deathShift[xi]!;
    let term = base[xi]! - rx * logT;
    let sigma = 0;
    let gap = 0;
    if (shift !== -Infinity) {
      // ln(e^A3 + e^A4) with A4 − A3 = shift + (r+x)·ln((α+T)/(α+t_x)); never forms (α+T)^(r+x).
      gap = logT - logTime[txIndex[row]!]!;
      const d = shift + rx * gap;
      const e = Math.exp(-Math.abs(d));
      term += d > 0 ? d + Math.log1p(e) : Math.log1p(e);
      sigma = d > 0 ? 1 / (1 + e) : e / (1 + e);
    }
    total += w * term;
    if (gradient) {
      const invT = 1 / (alpha + times[iT]!);
      const invTx = 1 / (alpha + times[txIndex[row]!]!);
      weightByX[xi] = weightByX[xi]! + w;
      gr += w * (-logT + sigma * gap);
      ga += w * (-rx * invT + sigma * rx * (invT - invTx));
      gA += (w * sigma) / a;
      gB -= shift !== -Infinity ? (w * sigma) / (b + xs[row]! + k - 1) : 0;
    }
  }
  if (gradient) {
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    for (let i = 0; i < nx; i++) {
      const W = weightByX[i]!;
      if (W === 0) continue;
      const x = data.xs[i]!;
      const psiABx = digamma(a + b + x + k);
      gr += W * (digamma(r + x) - psiR + Math.log(alpha));
      ga += (W * r) / alpha;
      gA += W * (psiAB - psiABx);
      gB += W * (digamma(b + x + k) - psiABx - psiB + psiAB);
    }
    gradient[0] = gr * r;
    gradient[1] = ga * alpha;
    gradient[2] = gA * a;
    gradient[3] = gB * b;
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
  const at = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const negLL = (v: number[]): number => -bgFamilyLogLikelihood(k, at(v), data);
  const gradient = (v: number[]): number[] => bgFamilyLogLikelihoodGradient(k, at(v), data).gradient.map((g) => -g);
  const fit = minimizeLogScale(negLL, startingPoint(data), { gradient });
  return toFitResult<BgNbdParams>(model, BG_PARAM_NAMES, fit, data.customers);
}

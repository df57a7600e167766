// BG/BB for discrete purchase opportunities (Fader, Hardie & Shang 2010, Marketing Science 29(6)):
// each period an alive customer buys with probability p ~ beta(α, β) and, after the period, dies with
// probability θ ~ beta(γ, δ). For x purchases in n opportunities, the last at opportunity t_x (eq. 5):
//   L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
//     + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ).
import { ClvInputError } from './errors';
import { minimizeLogScale } from './optimize/index';
import { notEnoughData, toFitResult, type FitResult } from './results';
import { lnBeta, logAddExp } from './special-functions';

export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

export const BGBB_PARAM_NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;

/** One recency/frequency pattern: x purchases in n opportunities, last at t_x, shared by `weight` customers. */
export interface BgBbPattern {
  frequency: number;
  recency: number;
  periods: number;
  weight: number;
}

/** Throws ClvInputError unless 0 ≤ x ≤ t_x ≤ n are integers (t_x = 0 iff x = 0) and weight ≥ 0. */
export function validatePatterns(patterns: BgBbPattern[]): void {
  patterns.forEach((q, i) => {
    const ints = [q.frequency, q.recency, q.periods].every((v) => Number.isInteger(v) && v >= 0);
    const ordered = q.frequency <= q.recency && q.recency <= q.periods && (q.frequency === 0) === (q.recency === 0);
    if (!ints || !ordered || !(q.weight >= 0) || !Number.isFinite(q.weight)) {
      throw new ClvInputError('invalid-summary', `pattern ${i + 1}: need whole numbers 0 ≤ frequency ≤ recency ≤ periods (recency 0 only with frequency 0) and weight ≥ 0`, i);
    }
  });
}

/** ln L for one pattern (header formula), summed in log space. */
export function bgBbLogLikelihoodOne(p: BgBbParams, x: number, tx: number, n: number): number {
  const lnBab = lnBeta(p.alpha, p.beta);
  const lnBgd = lnBeta(p.gamma, p.delta);
  let total = lnBeta(p.alpha + x, p.beta + n - x) - lnBab + lnBeta(p.gamma, p.delta + n) - lnBgd;
  for (let i = 0; i <= n - tx - 1; i++) {
    total = logAddExp(total, lnBeta(p.alpha + x, p.beta + tx - x + i) - lnBab + lnBeta(p.gamma + 1, p.delta + tx + i) - lnBgd);
  }
  return total;
}

/** Weighted Σ w·ln L over recency/frequency patterns (header formula); unitless. */
export function bgBbLogLikelihood(p: BgBbParams, patterns: BgBbPattern[]): number {
  let total = 0;
  for (const q of patterns) if (q.weight > 0) total += q.weight * bgBbLogLikelihoodOne(p, q.frequency, q.recency, q.periods);
  return total;
}

/** Maximum-likelihood fit; deterministic start α = β = γ = δ = 1. */
export function fitBgBb(patterns: BgBbPattern[]): FitResult<BgBbParams> {
  validatePatterns(patterns);
  const customers = patterns.reduce((s, q) => s + q.weight, 0);
  const repeaters = patterns.reduce((s, q) => s + (q.frequency > 0 ? q.weight : 0), 0);
  if (repeaters === 0 || customers < 2) {
    return notEnoughData<BgBbParams>('bgbb', customers, `not enough repeat purchases to fit: ${repeaters} of ${customers} customers bought twice`);
  }
  const negLL = (v: number[]): number =>
    -bgBbLogLikelihood({ alpha: Math.exp(v[0]!), beta: Math.exp(v[1]!), gamma: Math.exp(v[2]!), delta: Math.exp(v[3]!) }, patterns);
  return toFitResult<BgBbParams>('bgbb', BGBB_PARAM_NAMES, minimizeLogScale(negLL, [0, 0, 0, 0]), customers);
}

/** P(alive at opportunity n+1 | x, t_x, n) = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L (eq. 11). */
export function bgBbProbabilityAlive(p: BgBbParams, x: number, tx: number, n: number): number {
  const ln = lnBeta(p.alpha + x, p.beta + n - x) - lnBeta(p.alpha, p.beta) + lnBeta(p.gamma, p.delta + n + 1) - lnBeta(p.gamma, p.delta);
  return Math.min(1, Math.exp(ln - bgBbLogLikelihoodOne(p, x, tx, n)));
}

/**
 * E[X(n, n+n*) | x, t_x, n]: expected purchases in the next n* opportunities (eq. 13), written as
 * Σ_{k=1..n*} B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+k)/B(γ,δ) / L, which has no singularity at γ = 1.
 */
export function bgBbExpectedPurchases(p: BgBbParams, x: number, tx: number, n: number, future: number): number {
  const lnL = bgBbLogLikelihoodOne(p, x, tx, n);
  const lead = lnBeta(p.alpha + x + 1, p.beta + n - x) - lnBeta(p.alpha, p.beta) - lnBeta(p.gamma, p.delta) - lnL;
  let sum = 0;
  for (let k = 1; k <= future; k++) sum += Math.exp(lead + lnBeta(p.gamma, p.delta + n + k));
  return sum;
}

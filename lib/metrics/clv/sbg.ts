// Shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007, "How to Project
// Customer Retention", J. Interactive Marketing 21(1)): each customer churns at the end of a period with
// probability θ ~ beta(α, β). For a cohort observed alive at the start of periods 0..n:
//   P(T = t) = B(α+1, β+t−1)/B(α,β)   (churn in period t),   S(t) = B(α, β+t)/B(α,β)   (eq. 4–5),
//   ln L = Σ_{t=1..n} (alive_{t−1} − alive_t) ln P(T = t) + alive_n ln S(n)   (eq. 6).
import { ClvInputError } from './errors';
import { hyp2f1 } from './hypergeometric';
import { minimizeLogScale } from './optimize/index';
import { notEnoughData, toFitResult, type FitResult } from './results';
import { lnBeta } from './special-functions';

export interface SbgParams {
  alpha: number;
  beta: number;
}

export const SBG_PARAM_NAMES = ['alpha', 'beta'] as const;

/** Throws unless alive counts are finite, non-negative and never increase. */
export function validateSurvival(alive: number[]): void {
  alive.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0) throw new ClvInputError('invalid-summary', `period ${i}: alive count must be a number ≥ 0, got ${v}`, i);
    if (i > 0 && v > alive[i - 1]!) throw new ClvInputError('invalid-summary', `period ${i}: alive count ${v} exceeds the previous period's ${alive[i - 1]}`, i);
  });
}

/** Cohort log-likelihood (header, eq. 6) for alive counts at the start of periods 0..n. */
export function sbgLogLikelihood(p: SbgParams, alive: number[]): number {
  const lnB = lnBeta(p.alpha, p.beta);
  let total = 0;
  for (let t = 1; t < alive.length; t++) {
    const churned = alive[t - 1]! - alive[t]!;
    if (churned > 0) total += churned * (lnBeta(p.alpha + 1, p.beta + t - 1) - lnB);
  }
  const n = alive.length - 1;
  if (alive[n]! > 0) total += alive[n]! * (lnBeta(p.alpha, p.beta + n) - lnB);
  return total;
}

/** Maximum-likelihood fit on alive counts; deterministic start α = β = 1. */
export function fitSbg(alive: number[]): FitResult<SbgParams> {
  validateSurvival(alive);
  const cohort = alive[0] ?? 0;
  const churned = cohort - (alive[alive.length - 1] ?? 0);
  if (alive.length < 3 || churned === 0 || churned === cohort) {
    return notEnoughData<SbgParams>('sbg', cohort, `not enough data to fit: need at least two periods with both churners and survivors (${churned} of ${cohort} churned)`);
  }
  const negLL = (v: number[]): number => -sbgLogLikelihood({ alpha: Math.exp(v[0]!), beta: Math.exp(v[1]!) }, alive);
  return toFitResult<SbgParams>('sbg', SBG_PARAM_NAMES, minimizeLogScale(negLL, [0, 0]), cohort);
}

/** S(t) = B(α, β+t)/B(α,β): share of the cohort still subscribed after t periods (unitless). */
export function sbgSurvival(p: SbgParams, t: number): number {
  return Math.exp(lnBeta(p.alpha, p.beta + t) - lnBeta(p.alpha, p.beta));
}

/** Retention rate of period t ≥ 1, r_t = S(t)/S(t−1) = (β+t−1)/(α+β+t−1) (eq. 8). */
export function sbgRetentionRate(p: SbgParams, t: number): number {
  return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}

/** Survival curve S(0..periods). */
export function sbgSurvivalCurve(p: SbgParams, periods: number): number[] {
  return Array.from({ length: periods + 1 }, (_, t) => sbgSurvival(p, t));
}

/**
 * Discounted expected residual lifetime of a customer who has made n−1 renewals and is about to face
 * the n-th (Fader & Hardie 2010, Marketing Science 29(1), eq. 6), in periods, discount rate d per period:
 * DERL = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)). Multiply by the margin per period for value.
 */
export function sbgDerl(p: SbgParams, renewals: number, discountRate: number): number {
  if (!(discountRate > 0)) throw new ClvInputError('invalid-option', `discount rate must be > 0, got ${discountRate}`);
  const n = renewals + 1;
  const f = hyp2f1(1, p.beta + n, p.alpha + p.beta + n, 1 / (1 + discountRate));
  return ((p.beta + n - 1) / (p.alpha + p.beta + n - 1)) * Math.exp(f.log);
}

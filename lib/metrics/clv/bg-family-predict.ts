// Predictions of BG/NBD (k = 0) and MBG/NBD (k = 1); notation and likelihood in bg-family-fit.ts.
// Conditional expectation: Fader, Hardie & Lee (2005) eq. 10; MBG/NBD: Batislam et al. (2007) eq. 8.
// E[Y(t) | x, t_x, T] = P(alive) · C/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+k; C; z)],
// C = a+b+x+k−1, z = t/(α+T+t). By Euler's transformation (A&S 15.3.3) the bracket equals
// 1 − (1−z)^(a−1) ₂F₁(a+b+k−1−r, a−1; C; z), whose series has small numerator parameters for any x.
import { hyp2f1 } from './hypergeometric';
import type { BgNbdParams, BgVariant } from './bg-family-fit';
import { lnBeta, lnGamma } from './special-functions';

/** P(alive at T | x, t_x, T) = 1 / (1 + 1{x+k>0} · a/(b+x+k−1) · ((α+T)/(α+t_x))^(r+x)). Unitless. */
export function bgFamilyProbabilityAlive(k: BgVariant, p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x + k === 0) return 1;
  const d = Math.log(p.a) - Math.log(p.b + x + k - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

/** C/(a−1)·[1 − (1−z)^(a−1) ₂F₁(…)]: expected purchases in (T, T+t] of a customer known to be alive. */
export function bgFamilyAliveGrowth(k: BgVariant, p: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const { a, b } = p;
  const c = a + b + x + k - 1;
  // a = 1 and C = 0 are removable singularities; the mean of the two neighbours is exact to O(h²).
  const h = 1e-6;
  if (Math.abs(a - 1) < h) return (bgFamilyAliveGrowth(k, { ...p, a: 1 + h }, x, T, t) + bgFamilyAliveGrowth(k, { ...p, a: 1 - h }, x, T, t)) / 2;
  if (Math.abs(c) < h) return (bgFamilyAliveGrowth(k, { ...p, b: b + h }, x, T, t) + bgFamilyAliveGrowth(k, { ...p, b: b - h }, x, T, t)) / 2;
  const z = t / (p.alpha + T + t);
  const f = hyp2f1(a + b + k - 1 - p.r, a - 1, c, z);
  const logTerm = f.log + (a - 1) * Math.log1p(-z);
  const bracket = f.sign > 0 ? -Math.expm1(logTerm) : 1 + Math.exp(logTerm);
  return (c / (a - 1)) * bracket;
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t time units (same unit as T). */
export function bgFamilyExpectedPurchases(k: BgVariant, p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  return bgFamilyProbabilityAlive(k, p, x, tx, T) * bgFamilyAliveGrowth(k, p, x, T, t);
}

/** E[X(t)] for a customer just acquired (x = t_x = T = 0): expected repeat purchases in t units. */
export function bgFamilyExpectedPurchasesNew(k: BgVariant, p: BgNbdParams, t: number): number {
  return bgFamilyExpectedPurchases(k, p, 0, 0, 0, t);
}

/** ln of the NBD probability P(N = j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j. */
function lnNbd(p: BgNbdParams, t: number, j: number): number {
  return lnGamma(p.r + j) - lnGamma(p.r) - lnGamma(j + 1) + p.r * Math.log(p.alpha / (p.alpha + t)) + j * Math.log(t / (p.alpha + t));
}

/** P(N ≥ n) for the NBD above, summing whichever side avoids cancellation. */
function nbdTail(p: BgNbdParams, t: number, n: number): number {
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(lnNbd(p, t, j));
  if (below < 0.5) return 1 - below;
  let tail = 0;
  for (let j = n; j < n + 100_000; j++) {
    const term = Math.exp(lnNbd(p, t, j));
    tail += term;
    if (term < 1e-17 * tail && j > n + p.r) break;
  }
  return tail;
}

/**
 * P(X(t) = n) for a new customer (FHL 2005 eq. 8; MBG: Batislam et al. eq. 5):
 * B(a, b+n+k)/B(a,b) · NBD(n) + 1{n+k>0} · B(a+1, b+n+k−1)/B(a,b) · P(NBD ≥ n). Unitless.
 */
export function bgFamilyProbabilityOfPurchases(k: BgVariant, p: BgNbdParams, t: number, n: number): number {
  if (t <= 0) return n === 0 ? 1 : 0;
  const lnB = lnBeta(p.a, p.b);
  let prob = Math.exp(lnBeta(p.a, p.b + n + k) - lnB + lnNbd(p, t, n));
  if (n + k > 0) prob += Math.exp(lnBeta(p.a + 1, p.b + n + k - 1) - lnB) * nbdTail(p, t, n);
  return prob;
}

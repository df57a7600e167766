// Pareto/NBD predictions (Fader & Hardie 2005 note, eq. 11, 18, 22 and 24; notation in pareto-nbd-fit.ts).
import { hyp2f1 } from './hypergeometric';
import { paretoHalfA0, type ParetoNbdParams } from './pareto-nbd-fit';
import { lnBeta, lnGamma, logSubExp, logSumExp, oneMinusExpOver } from './special-functions';

/** ln A₀ for one customer; −Infinity when t_x = T. */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return logSubExp(paretoHalfA0(p, x, tx), paretoHalfA0(p, x, T));
}

/** P(alive) from ln A₀: 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀). Unitless. */
export function paretoAliveFromLogA0(p: ParetoNbdParams, x: number, T: number, lnA0: number): number {
  if (lnA0 === -Infinity) return 1;
  const d = Math.log(p.s) - Math.log(p.r + p.s + x) + (p.r + x) * Math.log(p.alpha + T) + p.s * Math.log(p.beta + T) + lnA0;
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

/** P(alive at T | x, t_x, T). */
export function paretoProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return paretoAliveFromLogA0(p, x, T, logA0(p, x, tx, T));
}

/**
 * Expected purchases in (T, T+t] for a customer known to be alive:
 * (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)], continuous through s = 1.
 */
export function paretoAliveGrowth(p: ParetoNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  return ((p.r + x) * (p.beta + T)) / (p.alpha + T) * oneMinusExpOver(p.s - 1, Math.log1p(t / (p.beta + T)));
}

/** E[Y(t) | x, t_x, T] = P(alive) · alive growth (note eq. 22). Same time unit as T. */
export function paretoExpectedPurchases(p: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  return paretoProbabilityAlive(p, x, tx, T) * paretoAliveGrowth(p, x, T, t);
}

/** E[X(t)] for a new customer: rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (note eq. 11). */
export function paretoExpectedPurchasesNew(p: ParetoNbdParams, t: number): number {
  return paretoAliveGrowth(p, 0, 0, t);
}

/**
 * P(X(t) = n) for a new customer (note eq. 18):
 * Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n (β/(β+t))^s
 *  + α^r β^s B(r+n, s+1)/B(r,s) · [B₁ − Σ_{i=0..n} Γ(r+s+i)/(Γ(r+s) i!) t^i B₂(i)],
 * with B₁, B₂ the ₂F₁ terms taken around max(α, β) as in the likelihood.
 */
export function paretoProbabilityOfPurchases(p: ParetoNbdParams, t: number, n: number): number {
  const { r, alpha, s, beta } = p;
  if (t <= 0) return n === 0 ? 1 : 0;
  const alive =
    lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1) + r * Math.log(alpha / (alpha + t)) +
    n * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t));
  const m = Math.max(alpha, beta);
  const v = alpha >= beta ? s + 1 : r + n;
  const diff = Math.abs(alpha - beta);
  const c = r + s + n + 1;
  const lnB1 = hyp2f1(r + s, v, c, diff / m).log - (r + s) * Math.log(m);
  const subtract: number[] = [];
  for (let i = 0; i <= n; i++) {
    subtract.push(
      lnGamma(r + s + i) - lnGamma(r + s) - lnGamma(i + 1) + i * Math.log(t) +
        hyp2f1(r + s + i, v, c, diff / (m + t)).log - (r + s + i) * Math.log(m + t),
    );
  }
  const died = r * Math.log(alpha) + s * Math.log(beta) + lnBeta(r + n, s + 1) - lnBeta(r, s) + logSubExp(lnB1, logSumExp(subtract));
  return Math.exp(alive) + Math.exp(died);
}

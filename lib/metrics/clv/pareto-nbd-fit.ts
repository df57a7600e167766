// Pareto/NBD (Schmittlein, Morrison & Colombo 1987): Poisson purchasing with gamma(r, α) rates and an
// exponential lifetime with gamma(s, β) death rates. Likelihood as in Fader & Hardie (2005), "A Note
// on Deriving the Pareto/NBD Model and Related Expressions", eq. 19–22:
//   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ],
//   A₀ = ₂F₁(r+s+x, v; r+s+x+1; |α−β|/(m+t_x)) / (m+t_x)^(r+s+x) − (same at T),
// with m = max(α, β) and v = s+1 when α ≥ β, r+x otherwise. The two A₀ terms depend only on (x, t),
// so they are computed once per distinct (x, time) pair, not once per customer.
import type { CompressedSummaries } from './compress';
import { hyp2f1 } from './hypergeometric';
import { minimizeLogScale } from './optimize/index';
import { countRepeatBuyers } from './bg-family-fit';
import { notEnoughData, toFitResult, type FitResult } from './results';
import { lnGamma, logAddExp, logSubExp } from './special-functions';

export interface ParetoNbdParams {
  /** Gamma shape of purchase rates (unitless) and its scale α (time unit of the data). */
  r: number;
  alpha: number;
  /** Gamma shape of death rates (unitless) and its scale β (time unit of the data). */
  s: number;
  beta: number;
}

export const PNBD_PARAM_NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** ln[₂F₁(r+s+x, v; r+s+x+1; |α−β|/(m+t)) / (m+t)^(r+s+x)], one A₀ half. */
export function paretoHalfA0(p: ParetoNbdParams, x: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const m = Math.max(alpha, beta);
  const v = alpha >= beta ? s + 1 : r + x;
  const rsx = r + s + x;
  const z = Math.abs(alpha - beta) / (m + t);
  return logHyp2f1NextC(rsx, v, z) - rsx * Math.log(m + t);
}

/**
 * ln ₂F₁(a, b; a+1; z) for a, b > 0, 0 ≤ z < 1. The likelihood calls this thousands of times per
 * evaluation, so the common case (all terms positive, no overflow: z ≤ 0.9, b·z ≤ 50) is summed in a
 * plain loop; anything else goes to the general log-space routine.
 */
function logHyp2f1NextC(a: number, b: number, z: number): number {
  if (z > 0.9 || b * z > 50) return hyp2f1(a, b, a + 1, z).log;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((a + 1 + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (ratio < 1 && term * (Math.max(ratio, z) / (1 - Math.max(ratio, z))) < 1e-17 * sum) break;
  }
  return Math.log(sum);
}

interface PairIndex {
  /** For each distinct (x, time) pair: index into data.xs and data.times. */
  pairX: Int32Array;
  pairTime: Int32Array;
  rowTxPair: Int32Array;
  rowTPair: Int32Array;
}

const pairCache = new WeakMap<CompressedSummaries, PairIndex>();

/** Distinct (x, t_x) and (x, T) pairs of the data, computed once per data set. */
export function pairIndex(data: CompressedSummaries): PairIndex {
  const cached = pairCache.get(data);
  if (cached) return cached;
  const nt = data.times.length;
  const lookup = new Map<number, number>();
  const px: number[] = [];
  const pt: number[] = [];
  const pairOf = (xi: number, ti: number): number => {
    const key = xi * nt + ti;
    let k = lookup.get(key);
    if (k === undefined) {
      k = px.length;
      lookup.set(key, k);
      px.push(xi);
      pt.push(ti);
    }
    return k;
  };
  const rowTxPair = new Int32Array(data.rows);
  const rowTPair = new Int32Array(data.rows);
  for (let row = 0; row < data.rows; row++) {
    rowTxPair[row] = pairOf(data.xIndex[row]!, data.txIndex[row]!);
    rowTPair[row] = pairOf(data.xIndex[row]!, data.TIndex[row]!);
  }
  const index = { pairX: Int32Array.from(px), pairTime: Int32Array.from(pt), rowTxPair, rowTPair };
  pairCache.set(data, index);
  return index;
}

/** ln of each distinct (x, time) pair's A₀ half, in pairIndex order. */
function pairHalves(p: ParetoNbdParams, data: CompressedSummaries, idx: PairIndex): Float64Array {
  const half = new Float64Array(idx.pairX.length);
  for (let k = 0; k < half.length; k++) half[k] = paretoHalfA0(p, data.xs[idx.pairX[k]!]!, data.times[idx.pairTime[k]!]!);
  return half;
}

/** ln A₀ for every row (−Infinity when t_x = T, where A₀ = 0). */
export function paretoLogA0Rows(p: ParetoNbdParams, data: CompressedSummaries): Float64Array {
  const idx = pairIndex(data);
  const half = pairHalves(p, data, idx);
  const out = new Float64Array(data.rows);
  for (let row = 0; row < data.rows; row++) out[row] = logSubExp(half[idx.rowTxPair[row]!]!, half[idx.rowTPair[row]!]!);
  return out;
}

/** Weighted Pareto/NBD log-likelihood over compressed rows (header formula). */
export function paretoLogLikelihood(p: ParetoNbdParams, data: CompressedSummaries): number {
  const { r, alpha, s, beta } = p;
  const idx = pairIndex(data);
  const half = pairHalves(p, data, idx);
  const common = -lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  // Per-x and per-time tables keep logarithms out of the per-row loop.
  const lnGammaRx = Float64Array.from(data.xs, (x) => lnGamma(r + x));
  const lnDeathShare = Float64Array.from(data.xs, (x) => Math.log(s) - Math.log(r + s + x));
  const lnAlphaT = Float64Array.from(data.times, (t) => Math.log(alpha + t));
  const lnBetaT = Float64Array.from(data.times, (t) => Math.log(beta + t));
  const { rowTxPair, rowTPair } = idx;
  let total = 0;
  for (let row = 0; row < data.rows; row++) {
    const xi = data.xIndex[row]!;
    const iT = data.TIndex[row]!;
    const alive = -(r + data.x[row]!) * lnAlphaT[iT]! - s * lnBetaT[iT]!;
    const died = lnDeathShare[xi]! + logSubExp(half[rowTxPair[row]!]!, half[rowTPair[row]!]!);
    total += data.weight[row]! * (lnGammaRx[xi]! + common + logAddExp(alive, died));
  }
  return total;
}

/** Maximum-likelihood Pareto/NBD fit; deterministic start r = s = 1, α = 1/rate, β = mean T. */
export function fitParetoNbd(data: CompressedSummaries): FitResult<ParetoNbdParams> {
  const repeaters = countRepeatBuyers(data);
  if (repeaters === 0 || data.customers < 2) {
    return notEnoughData<ParetoNbdParams>('pnbd', data.customers, `not enough repeat purchases to fit: ${repeaters} of ${data.customers} customers bought twice`);
  }
  let purchases = 0;
  let exposure = 0;
  for (let row = 0; row < data.rows; row++) {
    purchases += data.weight[row]! * data.x[row]!;
    exposure += data.weight[row]! * data.T[row]!;
  }
  const meanT = Math.max(exposure / data.customers, 1e-6);
  const start = [0, Math.log(exposure / purchases), 0, Math.log(meanT)];
  const negLL = (v: number[]): number =>
    -paretoLogLikelihood({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), s: Math.exp(v[2]!), beta: Math.exp(v[3]!) }, data);
  return toFitResult<ParetoNbdParams>('pnbd', PNBD_PARAM_NAMES, minimizeLogScale(negLL, start), data.customers);
}

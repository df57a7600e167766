// Gauss hypergeometric function 2F1(a, b; c; z) in log space, for real parameters and z < 1.
// Formulas: Abramowitz & Stegun (1964) 15.1.1 (series), 15.3.3 (Euler), 15.3.4 (Pfaff) and
// 15.3.6 (the z → 1 − z connection). Every BTYD model needs 2F1 with arguments that grow with the
// customer's purchase count, so the series is summed with a running scale instead of raw doubles.
import { gammaSign, lnGamma } from './special-functions';

/** A real number stored as sign · e^log, so values beyond 1e±308 survive. */
export interface SignedLog {
  log: number;
  sign: number;
}

const SCALE = 1e200;
const LOG_SCALE = Math.log(SCALE);
const EPS = 1e-17;
/** Above this many expected series terms we switch to the connection formula around z = 1. */
const MAX_DIRECT_TERMS = 3000;
const SERIES_TERM_CAP = 5_000_000;
/** Half-width of the band around an integer c − a − b where the connection formula is interpolated. */
const NEAR_INTEGER = 1e-4;

/** Power series Σ (a)_n (b)_n / ((c)_n n!) z^n for 0 ≤ z < 1 (A&S 15.1.1), summed with rescaling. */
function sumSeries(a: number, b: number, c: number, z: number): SignedLog {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  const q0 = Math.abs(z);
  for (let n = 0; n < SERIES_TERM_CAP; n++) {
    const denom = (c + n) * (n + 1);
    if (denom === 0) return { log: NaN, sign: 0 };
    const ratio = ((a + n) * (b + n) * z) / denom;
    term *= ratio;
    sum += term;
    if (term === 0) break; // a or b is a non-positive integer: the series is a polynomial
    if (Math.abs(sum) > SCALE || Math.abs(term) > SCALE) {
      sum /= SCALE;
      term /= SCALE;
      logScale += LOG_SCALE;
    }
    // Tail bound: later ratios approach |z| from either side, so bound them by the larger of the two.
    const q = Math.max(Math.abs(ratio), q0);
    if (q < 1 && Math.abs(term) * (q / (1 - q)) <= EPS * Math.abs(sum)) break;
  }
  if (sum === 0) return { log: -Infinity, sign: 0 };
  return { log: logScale + Math.log(Math.abs(sum)), sign: Math.sign(sum) };
}

/** Rough count of series terms needed: the tail behaves like n^(a+b−c−1) z^n once n passes |a|, |b|, |c|. */
function expectedTerms(a: number, b: number, c: number, z: number): number {
  if (z <= 0) return 1;
  const power = Math.max(0, a + b - c - 1);
  const start = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), 1) * z;
  return start + (37 + power * 10) / -Math.log(z);
}

function addSigned(x: SignedLog, y: SignedLog): SignedLog {
  if (x.sign === 0) return y;
  if (y.sign === 0) return x;
  const hi = x.log >= y.log ? x : y;
  const lo = x.log >= y.log ? y : x;
  const ratio = lo.sign * hi.sign * Math.exp(lo.log - hi.log);
  if (ratio === -1) return { log: -Infinity, sign: 0 };
  return { log: hi.log + Math.log1p(ratio), sign: hi.sign };
}

/** ln|Γ(p)Γ(q)/(Γ(u)Γ(v))| with its sign; sign 0 when 1/Γ(u) or 1/Γ(v) vanishes (a pole below). */
function gammaRatio(p: number, q: number, u: number, v: number): SignedLog {
  const s = gammaSign(p) * gammaSign(q) * gammaSign(u) * gammaSign(v);
  if (gammaSign(u) === 0 || gammaSign(v) === 0) return { log: -Infinity, sign: 0 };
  return { log: lnGamma(p) + lnGamma(q) - lnGamma(u) - lnGamma(v), sign: s };
}

/** A&S 15.3.6: 2F1 at z as two series in w = 1 − z. Needs c − a − b away from an integer. */
function connection(a: number, b: number, c: number, z: number): SignedLog {
  const w = 1 - z;
  const d = c - a - b;
  const g1 = gammaRatio(c, d, c - a, c - b);
  const f1 = sumSeries(a, b, 1 - d, w);
  const g2 = gammaRatio(c, -d, a, b);
  const f2 = sumSeries(c - a, c - b, 1 + d, w);
  const t1 = { log: g1.log + f1.log, sign: g1.sign * f1.sign };
  const t2 = { log: g2.log + f2.log + d * Math.log(w), sign: g2.sign * f2.sign };
  return addSigned(t1, t2);
}

/**
 * 2F1(a, b; c; z) as sign·e^log (unitless), for real a, b, c (c not a non-positive integer) and z < 1.
 * z < 0 goes through Pfaff (A&S 15.3.4); for 0 ≤ z < 1 the direct or Euler-transformed series is used,
 * whichever has the smaller leading ratio; near z = 1 the connection formula (A&S 15.3.6) takes over.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  if (!(z < 1)) throw new RangeError(`hyp2f1 needs z < 1, got ${z}`);
  if (z === 0) return { log: 0, sign: 1 };
  if (z < 0) {
    const inner = hyp2f1(a, c - b, c, z / (z - 1));
    return { log: inner.log - a * Math.log1p(-z), sign: inner.sign };
  }
  const d = c - a - b;
  const useEuler = Math.abs((c - a) * (c - b)) < Math.abs(a * b);
  const [pa, pb] = useEuler ? [c - a, c - b] : [a, b];
  const prefactor = useEuler ? d * Math.log1p(-z) : 0;
  if (z > 0.5 && expectedTerms(pa, pb, c, z) > MAX_DIRECT_TERMS) {
    const m = Math.round(d);
    if (Math.abs(d - m) >= NEAR_INTEGER) return connection(a, b, c, z);
    if (expectedTerms(pa, pb, c, z) < SERIES_TERM_CAP / 4) {
      const s = sumSeries(pa, pb, c, z);
      return { log: s.log + prefactor, sign: s.sign };
    }
    // At an integer c − a − b the two connection terms have cancelling poles. Interpolate linearly
    // between c − a − b = m ± h (moving b only): exact to O(h²), every intermediate finite.
    const h = NEAR_INTEGER;
    const below = connection(a, c - a - m + h, c, z);
    const above = connection(a, c - a - m - h, c, z);
    const weight = (d - m + h) / (2 * h);
    return addSigned(
      { log: below.log + Math.log1p(-weight), sign: weight < 1 ? below.sign : 0 },
      { log: above.log + Math.log(weight), sign: weight > 0 ? above.sign : 0 },
    );
  }
  const s = sumSeries(pa, pb, c, z);
  return { log: s.log + prefactor, sign: s.sign };
}

/** ln 2F1(a, b; c; z) for a positive value; NaN if the value is not positive. */
export function log2F1(a: number, b: number, c: number, z: number): number {
  const v = hyp2f1(a, b, c, z);
  return v.sign > 0 ? v.log : NaN;
}

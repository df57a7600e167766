// Log-space special functions used by every likelihood. Working in logs is what keeps a customer with
// hundreds of purchases from overflowing: (α+T)^(r+x) alone exceeds 1e308 long before x = 1000.

// Lanczos approximation, g = 7, n = 9 (coefficients published by P. Godfrey; see also
// Press et al., "Numerical Recipes", 3rd ed., §6.1). Relative error below 1e-15 for x ≥ 0.5.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln|Γ(x)| for real x (unitless). Lanczos for x ≥ 0.5, reflection Γ(x)Γ(1−x) = π / sin(πx) below.
 * Returns +Infinity at the poles x = 0, −1, −2, …
 */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    const s = sinPi(x);
    if (s === 0) return Infinity;
    return Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x);
  }
  if (x > 1e7) {
    // Stirling with two correction terms is exact to double precision here and avoids Lanczos round-off.
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + 1 / (12 * x) - 1 / (360 * x * x * x);
  }
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** sin(πx), reduced to |x − k| ≤ 1/2 first so it stays accurate next to the integers (the poles of Γ). */
function sinPi(x: number): number {
  const k = Math.round(x);
  const v = Math.sin(Math.PI * (x - k));
  return k % 2 === 0 ? v : -v;
}

/** Sign of Γ(x): +1 for x > 0; for negative non-integers (−1)^⌈−x⌉; 0 at the poles. */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.ceil(-x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ln(e^a + e^b) without overflow; −Infinity stands for a zero term. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(e^a − e^b) for a ≥ b; −Infinity when the two are equal (the difference is exactly zero). */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b >= a) return -Infinity;
  return a + log1mExp(b - a);
}

/** ln(1 − e^u) for u < 0, accurate on both sides of u = −ln 2 (Mächler 2012, "Accurately computing log(1 − exp(−|a|))"). */
export function log1mExp(u: number): number {
  return u > -Math.LN2 ? Math.log(-Math.expm1(u)) : Math.log1p(-Math.exp(u));
}

/** ln Σ e^{v_i}, shifting by the maximum so no term overflows. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/**
 * (1 − e^{−k·L}) / k for k → 0 continuous (the limit is L). Used for Pareto/NBD's
 * [1 − ((β+T)/(β+T+t))^{s−1}] / (s − 1) with k = s − 1 and L = ln(1 + t/(β+T)).
 */
export function oneMinusExpOver(k: number, logRatio: number): number {
  if (Math.abs(k * logRatio) < 1e-8) return logRatio * (1 - (k * logRatio) / 2);
  return -Math.expm1(-k * logRatio) / k;
}

/**
 * Digamma ψ(x) = d ln Γ(x)/dx for x > 0: recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the
 * asymptotic series of Abramowitz & Stegun 6.3.18. Absolute error below 1e-14.
 */
export function digamma(x: number): number {
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  return (
    result + Math.log(x) - 0.5 / x -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}

// BFGS quasi-Newton polish (Nocedal & Wright 2006, "Numerical Optimization", §6.1, Algorithm 6.1)
// with a backtracking Armijo line search, plus the finite-difference derivatives it and the standard
// errors need. Parameters are on the log scale, so one step size suits every coordinate.
import { dot } from './linear-algebra';
import type { MinimizeResult } from './nelder-mead';

export type Objective = (x: number[]) => number;
export type Gradient = (x: number[]) => number[];

/** Central-difference gradient, step h in the units of x (log-parameters here). */
export function numericGradient(f: Objective, x: number[], h = 1e-5): number[] {
  return x.map((_, i) => {
    const up = x.slice();
    const down = x.slice();
    up[i] = up[i]! + h;
    down[i] = down[i]! - h;
    return (f(up) - f(down)) / (2 * h);
  });
}

/** Central-difference Hessian (O(h²) accurate); symmetric by construction. */
export function numericHessian(f: Objective, x: number[], h = 1e-4): number[][] {
  const n = x.length;
  const f0 = f(x);
  const at = (i: number, di: number, j: number, dj: number): number => {
    const p = x.slice();
    p[i] = p[i]! + di;
    p[j] = p[j]! + dj;
    return f(p);
  };
  const hess = x.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    hess[i]![i] = (at(i, h, i, 0) - 2 * f0 + at(i, -h, i, 0)) / (h * h);
    for (let j = 0; j < i; j++) {
      const v = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
      hess[i]![j] = v;
      hess[j]![i] = v;
    }
  }
  return hess;
}

/** Hessian as central differences of an analytic gradient: 2n gradient calls instead of O(n²) values. */
export function hessianFromGradient(gradient: Gradient, x: number[], h = 1e-5): number[][] {
  const n = x.length;
  const columns = x.map((_, j) => {
    const up = x.slice();
    const down = x.slice();
    up[j] = up[j]! + h;
    down[j] = down[j]! - h;
    const gu = gradient(up);
    const gd = gradient(down);
    return gu.map((v, i) => (v - gd[i]!) / (2 * h));
  });
  const hess = x.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) hess[i]![j] = (columns[j]![i]! + columns[i]![j]!) / 2;
  return hess;
}

export interface BfgsOptions {
  gradient?: Gradient;
  maxIterations?: number;
  /** Largest move of any coordinate in one step; on the log scale 2 means a factor e² ≈ 7.4. */
  maxStep?: number;
}

/** Minimises f from x0; stops when the step no longer changes f beyond round-off. */
export function minimizeBfgs(f: Objective, x0: number[], options: BfgsOptions = {}): MinimizeResult {
  const n = x0.length;
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const grad = options.gradient ?? ((x: number[]) => numericGradient(value, x));
  const maxStep = options.maxStep ?? 2;
  const identity = (): number[][] => x0.map((_, i) => x0.map((__, j) => (i === j ? 1 : 0)));
  let x = x0.slice();
  let fx = value(x);
  let g = grad(x);
  let hInv = identity();
  let converged = false;
  for (let iter = 0; iter < (options.maxIterations ?? 200); iter++) {
    let p = hInv.map((row) => -dot(row, g));
    if (dot(p, g) >= 0) {
      hInv = identity();
      p = g.map((v) => -v);
    }
    const longest = Math.max(...p.map(Math.abs));
    if (longest > maxStep) p = p.map((v) => (v * maxStep) / longest);
    const slope = dot(p, g);
    let t = 1;
    let xNew = x;
    let fNew = fx;
    for (let k = 0; k < 40; k++) {
      xNew = x.map((v, i) => v + t * p[i]!);
      fNew = value(xNew);
      if (fNew <= fx + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    if (!(fNew < fx)) {
      converged = true; // no descent left at machine precision
      break;
    }
    const gNew = grad(xNew);
    const s = xNew.map((v, i) => v - x[i]!);
    const y = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12) {
      const hy = hInv.map((row) => dot(row, y));
      const yhy = dot(y, hy);
      hInv = hInv.map((row, i) =>
        row.map((v, j) => v + ((sy + yhy) * s[i]! * s[j]!) / (sy * sy) - (hy[i]! * s[j]! + s[i]! * hy[j]!) / sy),
      );
    }
    const decrease = fx - fNew;
    x = xNew;
    fx = fNew;
    g = gNew;
    if (decrease <= 1e-11 * (1 + Math.abs(fx)) && Math.max(...s.map(Math.abs)) < 1e-6) {
      converged = true;
      break;
    }
    if (Math.max(...g.map(Math.abs)) <= 1e-9 * (1 + Math.abs(fx)) / n) {
      converged = true;
      break;
    }
  }
  return { x, f: fx, evaluations, converged };
}

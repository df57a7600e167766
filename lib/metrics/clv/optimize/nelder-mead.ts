// Deterministic Nelder–Mead simplex (Nelder & Mead 1965), with the dimension-adaptive coefficients of
// Gao & Han (2012, "Implementing the Nelder-Mead simplex algorithm with adaptive parameters"), which
// keep the search from stalling once there are four or more parameters.

export interface NelderMeadOptions {
  /** Edge of the starting simplex along each axis (in the same units as x). */
  step?: number;
  /** Stop when max |f_i − f_best| ≤ fTol·(1 + |f_best|) and the simplex is smaller than xTol. */
  fTol?: number;
  xTol?: number;
  maxEvaluations?: number;
}

export interface MinimizeResult {
  x: number[];
  f: number;
  evaluations: number;
  /** True when the tolerances were met before the evaluation budget ran out. */
  converged: boolean;
}

/** Minimises f from x0 by the simplex method; non-finite f values are treated as +Infinity. */
export function nelderMead(f: (x: number[]) => number, x0: number[], options: NelderMeadOptions = {}): MinimizeResult {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const fTol = options.fTol ?? 1e-10;
  const xTol = options.xTol ?? 1e-7;
  const maxEvaluations = options.maxEvaluations ?? 400 * n;
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rho = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;

  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! + step;
    points.push(p);
  }
  const values = points.map(evaluate);
  const order = (): void => {
    const idx = points.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const p = idx.map((i) => points[i]!);
    const v = idx.map((i) => values[i]!);
    for (let i = 0; i <= n; i++) {
      points[i] = p[i]!;
      values[i] = v[i]!;
    }
  };
  const along = (from: number[], to: number[], t: number): number[] => from.map((v, i) => v + t * (to[i]! - v));

  let converged = false;
  while (evaluations < maxEvaluations) {
    order();
    const best = values[0]!;
    const spreadF = Math.abs(values[n]! - best);
    let spreadX = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++) spreadX = Math.max(spreadX, Math.abs(points[i]![j]! - points[0]![j]!));
    }
    if (spreadF <= fTol * (1 + Math.abs(best)) && spreadX <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += points[i]![j]! / n;
    const worst = points[n]!;
    const reflected = along(centroid, worst, -alpha);
    const fr = evaluate(reflected);
    if (fr < values[0]!) {
      const expanded = along(centroid, worst, -gamma);
      const fe = evaluate(expanded);
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [points[n], values[n]] = [reflected, fr];
    } else {
      const outside = fr < values[n]!;
      const contracted = along(centroid, worst, outside ? -rho : rho);
      const fc = evaluate(contracted);
      if (fc < (outside ? fr : values[n]!)) {
        [points[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          points[i] = along(points[0]!, points[i]!, sigma);
          values[i] = evaluate(points[i]!);
        }
      }
    }
  }
  order();
  return { x: points[0]!, f: values[0]!, evaluations, converged };
}

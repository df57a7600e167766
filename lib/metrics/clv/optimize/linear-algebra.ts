// Small dense linear algebra for Hessians of 2–4 parameters. Row-major number[][] is plenty here.

/** Cholesky factor L (lower) of a symmetric matrix, or null when it is not positive definite. */
export function cholesky(m: number[][]): number[][] | null {
  const n = m.length;
  const l = m.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  return l;
}

/** Solves m·x = v for a positive-definite m; null when m is not positive definite. */
export function solvePositiveDefinite(m: number[][], v: number[]): number[] | null {
  const l = cholesky(m);
  if (!l) return null;
  const n = v.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = v[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** Inverse of a positive-definite matrix, column by column; null when not positive definite. */
export function invertPositiveDefinite(m: number[][]): number[][] | null {
  const n = m.length;
  const columns: number[][] = [];
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const col = solvePositiveDefinite(m, e);
    if (!col) return null;
    columns.push(col);
  }
  return m.map((_, i) => columns.map((col) => col[i]!));
}

/** Σ a_i b_i. */
export function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

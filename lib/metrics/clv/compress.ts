// Customers with the same (x, t_x, T) contribute identical likelihood terms, so every model is
// evaluated once per distinct triple with a weight. At day resolution a cohort of a million customers
// has only tens of thousands of distinct triples, which is what makes large fits cheap.
import { ClvInputError } from './errors';
import { NumberInterner } from './number-interner';

/** Per-customer sufficient statistics in one time unit (days or weeks), column-wise. */
export interface SummaryColumns {
  /** x: number of repeat purchases (integer ≥ 0). */
  frequency: ArrayLike<number>;
  /** t_x: time from first to last repeat purchase; 0 when x = 0. */
  recency: ArrayLike<number>;
  /** T: time from first purchase to the calibration end. */
  T: ArrayLike<number>;
}

export interface CompressedSummaries {
  /** Number of customers. */
  customers: number;
  /** Number of distinct (x, t_x, T) rows. */
  rows: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Row of each customer, so per-row predictions can be spread back. */
  rowOf: Int32Array;
  /** Distinct x values and each row's index into them. */
  xs: Float64Array;
  xIndex: Int32Array;
  /** Distinct time values (t_x and T together) and each row's index into them. */
  times: Float64Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
}

/** Throws ClvInputError unless 0 ≤ t_x ≤ T, x a non-negative integer, t_x = 0 when x = 0, all finite. */
export function validateSummary(x: number, tx: number, T: number, row: number): void {
  const where = `customer ${row + 1}`;
  if (!Number.isFinite(x) || !Number.isFinite(tx) || !Number.isFinite(T)) {
    throw new ClvInputError('invalid-summary', `${where}: frequency, recency and T must be finite numbers`, row);
  }
  if (x < 0 || tx < 0 || T < 0) {
    throw new ClvInputError('invalid-summary', `${where}: negative value (frequency ${x}, recency ${tx}, T ${T})`, row);
  }
  if (!Number.isInteger(x)) throw new ClvInputError('invalid-summary', `${where}: frequency ${x} is not a whole number`, row);
  if (tx > T) throw new ClvInputError('invalid-summary', `${where}: recency ${tx} is greater than T ${T}`, row);
  if (x === 0 && tx !== 0) {
    throw new ClvInputError('invalid-summary', `${where}: recency must be 0 when frequency is 0 (got ${tx})`, row);
  }
}

/** Validates and groups customers by identical (x, t_x, T). Cost: one pass with hash lookups. */
export function compressSummaries(columns: SummaryColumns): CompressedSummaries {
  const n = columns.frequency.length;
  if (columns.recency.length !== n || columns.T.length !== n) {
    throw new ClvInputError('invalid-summary', 'frequency, recency and T must have the same length');
  }
  const xIntern = new NumberInterner(64);
  const timeIntern = new NumberInterner(4096);
  const cx = new Int32Array(n);
  const ctx = new Int32Array(n);
  const cT = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = columns.frequency[i]!;
    const tx = columns.recency[i]!;
    const T = columns.T[i]!;
    // Fast path for valid rows (NaN fails every comparison); the full check names the problem.
    const valid = x >= 0 && x < Infinity && tx >= 0 && tx <= T && T < Infinity && Math.floor(x) === x && (x > 0 || tx === 0);
    if (!valid) validateSummary(x, tx, T, i);
    cx[i] = xIntern.intern(x);
    ctx[i] = timeIntern.intern(tx);
    cT[i] = timeIntern.intern(T);
  }
  const xValues = xIntern.values;
  const timeValues = timeIntern.values;
  const nt = timeValues.length;
  // The integer key (x, t_x, T) is exact below 2^53, far beyond any real customer base's distinct values.
  if (xValues.length * nt * nt >= Number.MAX_SAFE_INTEGER) {
    throw new ClvInputError('invalid-summary', 'too many distinct frequency and time values to compress');
  }
  const rowIntern = new NumberInterner();
  const rowOf = new Int32Array(n);
  const rowX: number[] = [];
  const rowTx: number[] = [];
  const rowT: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = rowIntern.intern((cx[i]! * nt + ctx[i]!) * nt + cT[i]!);
    if (row === weights.length) {
      rowX.push(cx[i]!);
      rowTx.push(ctx[i]!);
      rowT.push(cT[i]!);
      weights.push(0);
    }
    weights[row]!++;
    rowOf[i] = row;
  }
  const xs = Float64Array.from(xValues);
  const times = Float64Array.from(timeValues);
  const xIndex = Int32Array.from(rowX);
  const txIndex = Int32Array.from(rowTx);
  const TIndex = Int32Array.from(rowT);
  return {
    customers: n,
    rows: weights.length,
    x: Float64Array.from(xIndex, (k) => xs[k]!),
    tx: Float64Array.from(txIndex, (k) => times[k]!),
    T: Float64Array.from(TIndex, (k) => times[k]!),
    weight: Float64Array.from(weights),
    rowOf,
    xs,
    xIndex,
    times,
    txIndex,
    TIndex,
  };
}

/** Copies per-row values back to one value per customer. */
export function expandRows(data: CompressedSummaries, perRow: Float64Array): Float64Array {
  const out = new Float64Array(data.customers);
  for (let i = 0; i < data.customers; i++) out[i] = perRow[data.rowOf[i]!]!;
  return out;
}

// Vectorised predictions over compressed rows. The expensive factor (expected purchases if alive, a
// ₂F₁ series for BG/MBG) depends only on (x, T), so it is computed once per distinct pair and horizon.
import type { CompressedSummaries } from './compress';
import type { TransactionModel, TransactionParams } from './transaction-models';

export interface RowPredictions {
  /** P(alive at T) per row. */
  probabilityAlive: Float64Array;
  /** E[Y(h) | x, t_x, T] per row, one array per requested horizon h. */
  expectedPurchases: Float64Array[];
}

/** P(alive) and E[Y(h)] for every row and every horizon h (in the data's time unit). */
export function predictRows<P extends TransactionParams>(
  model: TransactionModel<P>,
  params: P,
  data: CompressedSummaries,
  horizons: readonly number[],
): RowPredictions {
  const probabilityAlive = model.probabilityAliveRows(params, data);
  const nt = data.times.length;
  const pairOf = new Map<number, number>();
  const pairRow: number[] = [];
  const rowPair = new Int32Array(data.rows);
  for (let row = 0; row < data.rows; row++) {
    const key = data.xIndex[row]! * nt + data.TIndex[row]!;
    let k = pairOf.get(key);
    if (k === undefined) {
      k = pairRow.length;
      pairOf.set(key, k);
      pairRow.push(row);
    }
    rowPair[row] = k;
  }
  const expectedPurchases = horizons.map((h) => {
    const growth = Float64Array.from(pairRow, (row) => model.aliveGrowth(params, data.x[row]!, data.T[row]!, h));
    const out = new Float64Array(data.rows);
    for (let row = 0; row < data.rows; row++) out[row] = probabilityAlive[row]! * growth[rowPair[row]!]!;
    return out;
  });
  return { probabilityAlive, expectedPurchases };
}

// Expected values: issue 3 "Done when" (BG/NBD on CDNOW, FHL 2005 Figure 2 style tracking): cumulative
// repeat purchases at week 78 = 4,165.7 ± 0.1 % (actual 4,339) and Σ holdout expectations 1,653.4
// (actual 1,882); actual totals also in tests/fixtures/datasets/README.md.
import { describe, expect, it } from 'vitest';
import { runBacktest } from '@/lib/metrics/clv/index';
import { cdnowHistories } from './cdnow-fixture';

describe('CDNOW BG/NBD backtest (calibration to 1997-09-30, holdout to 1998-06-30)', () => {
  const result = runBacktest({ histories: cdnowHistories(), model: 'bgnbd', calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'weeks' });
  if (!result.ok) throw new Error(result.failure.message);

  it('sums holdout expectations to 1,653.4 against 1,882 actual', () => {
    expect(result.predictedTotal).toBeCloseTo(1653.4, 1);
    expect(result.actualTotal).toBe(1882);
    expect(result.customers).toHaveLength(2357);
  });

  it('tracks cumulative repeat purchases: week 78 predicted 4,165.7 ± 0.1 %, actual 4,339', () => {
    const week78 = result.weekly.find((p) => p.week === 78)!;
    expect(Math.abs(week78.predicted - 4165.7) / 4165.7).toBeLessThan(1e-3);
    expect(week78.actual).toBe(4339);
    expect(result.weekly.find((p) => p.week === 39)!.actual).toBe(2457);
    expect(result.weekly.find((p) => p.week === 52)!.actual).toBe(3183);
  });

  it('reports MAE, RMSE and bias consistent with the per-customer rows', () => {
    const n = result.customers.length;
    const mae = result.customers.reduce((s, c) => s + Math.abs(c.predicted - c.actual), 0) / n;
    expect(result.mae).toBeCloseTo(mae, 12);
    expect(result.rmse).toBeGreaterThanOrEqual(result.mae);
    expect(result.bias).toBeCloseTo((1653.4 - 1882) / n, 3);
  });
});

// Expected values: issue 3 "Done when" (BG/NBD on CDNOW, FHL 2005 Figure 2 style tracking): cumulative
// repeat purchases at week 78 = 4,165.7 ± 0.1 % (actual 4,339) and Σ holdout expectations 1,653.4
// (actual 1,882); actual totals also in tests/fixtures/datasets/README.md.
import { describe, expect, it } from 'vitest';
import { runBacktest } from '@/lib/metrics/clv/index';
import { cumulativeByWeek } from '@/lib/metrics/clv/backtest';
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

describe('cumulative tracking of a large cohort', () => {
  it('handles 200,000 customers (no argument spread over the cohort)', () => {
    // 2,000 customers acquired on each of days 0–99, every one buying again on day 100: all 200,000
    // repeat purchases fall in week 15 (days 98–104), none in weeks 1–14.
    const cohort = Array.from({ length: 200_000 }, (_, i) => ({ customerId: String(i), days: [i % 100, 100], values: [1, 1] }));
    const weekly = cumulativeByWeek(cohort, 104, () => 0);
    expect(weekly).toHaveLength(15);
    expect(weekly[13]!.actual).toBe(0);
    expect(weekly[14]!.actual).toBe(200_000);
  });
});

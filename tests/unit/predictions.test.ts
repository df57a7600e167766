// Expected values: the CDNOW split of Fader, Hardie & Lee (2005) — calibration to 1997-09-30, holdout
// to 1998-06-30, 39 + 39 weeks (tests/fixtures/datasets/README.md); the rest worked out by hand.
import { describe, expect, it } from 'vitest';
import { parseDay, type PurchaseHistory } from '@/lib/metrics/clv';
import { backtestWorkspace, chooseBacktestSplit, MIN_BACKTEST_DAYS } from '@/lib/predictions/backtest-workspace';
import { predictCustomers } from '@/lib/predictions/predict-customers';
import { cdnowHistories } from './clv/cdnow-fixture';

const day = (iso: string) => parseDay(iso)!;

describe('the backtest split', () => {
  it('halves CDNOW at 1997-09-30', () => {
    expect(chooseBacktestSplit(day('1997-01-01'), day('1998-06-30'))).toEqual({ calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
  });

  it(`needs ${MIN_BACKTEST_DAYS} days of history`, () => {
    expect(chooseBacktestSplit(day('2024-01-01'), day('2024-01-01') + MIN_BACKTEST_DAYS - 1)).toBeNull();
    // 56 days: 28 to fit (to 2024-01-29) and 28 to check.
    expect(chooseBacktestSplit(day('2024-01-01'), day('2024-02-26'))).toEqual({ calibrationEnd: '2024-01-29', holdoutEnd: '2024-02-26' });
  });

  it('says in words why a short history has no backtest', () => {
    const histories: PurchaseHistory[] = [{ customerId: '1', days: [day('2024-01-01'), day('2024-01-20')], values: [100, 200] }];
    expect(backtestWorkspace({ histories, lastDay: day('2024-01-31'), model: 'mbgnbd', unit: 'weeks' })).toEqual({
      ok: false, reason: 'the order history spans 30 days; a backtest needs at least 56, half to fit and half to check',
    });
  });
});

describe('a backtest that would measure nothing (second newcomer test)', () => {
  it('says so when no customer bought again in the holdout half', () => {
    // CDNOW_sample (1997-01-01 … 1998-06-30) plus one first purchase on 2024-01-01: the split falls in
    // 2010, in the 26-year gap, and the holdout holds that first purchase only, no repeat purchase.
    const histories: PurchaseHistory[] = [...cdnowHistories(), { customerId: 'new', days: [day('2024-01-01')], values: [1000] }];
    expect(backtestWorkspace({ histories, lastDay: day('2024-01-01'), model: 'bgnbd', unit: 'weeks' })).toEqual({
      ok: false, reason: 'no customer bought again between 2010-07-02 and 2024-01-01, so there was nothing to check the model against',
    });
  });
});

describe('predictions for the rows of customer_predictions', () => {
  it('predicts every CDNOW_sample customer with finite values and CLV in whole minor units', () => {
    // CDNOW_sample values are dollars here; the app passes minor units, the arithmetic is the same.
    const result = predictCustomers({ histories: cdnowHistories(), model: 'mbgnbd', unit: 'weeks', calibrationEnd: '1998-06-30', grossMargin: 1, monthlyDiscountRate: 0.01 });
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.customerIds).toHaveLength(2357);
    expect(result.rows.customerIds[0]).toBe(1);
    expect(result.note).toBeNull();
    expect(Array.from(result.rows.clvMinor!).every(Number.isSafeInteger)).toBe(true);
    expect(Array.from(result.rows.probabilityAlive).every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  it('predicts purchases without CLV when the spend model cannot be fitted, and says so', () => {
    // Every purchase worth exactly $10: no spread in spend for Gamma-Gamma to fit.
    const histories = cdnowHistories().map((h) => ({ ...h, values: h.values.map(() => 1000) }));
    const result = predictCustomers({ histories, model: 'mbgnbd', unit: 'weeks', calibrationEnd: '1998-06-30', grossMargin: 1, monthlyDiscountRate: 0.01 });
    if (!result.ok) throw new Error(result.message);
    expect(result.spendParams).toBeNull();
    expect(result.rows.clvMinor).toBeNull();
    expect(result.rows.expectedSpendMinor).toBeNull();
    expect(result.rows.expectedPurchases).toHaveLength(2357);
    expect(result.note).toMatch(/^no predicted CLV: the spend model could not be fitted \(gg fit did not converge: /);
  });
});

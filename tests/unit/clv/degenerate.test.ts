// Degenerate and bad input (issue 3 item 7): typed { ok: false } results with plain messages, typed
// errors for invalid input, and no NaN or Infinity anywhere in the output. Expected messages: the issue.
import { describe, expect, it } from 'vitest';
import {
  ClvInputError,
  compressSpend,
  fitBgBb,
  fitGammaGamma,
  fitSbg,
  getTransactionModel,
  compressSummaries,
  runModel,
  type CustomerPredictions,
} from '@/lib/metrics/clv/index';

function allFinite(p: CustomerPredictions): boolean {
  const arrays = [p.expectedPurchases, p.probabilityAlive, p.medianTimeToNext, p.expectedSpend, p.clv].filter((a) => a !== null);
  return arrays.every((a) => Array.from(a!).every(Number.isFinite));
}

const oneTimers = Array.from({ length: 120 }, (_, i) => ({ frequency: 0, recency: 0, T: 10 + (i % 30) }));

describe('data that cannot support a fit', () => {
  it.each(['bgnbd', 'mbgnbd', 'pnbd'] as const)('%s: all one-time buyers → not-enough-data with a plain message', (model) => {
    const r = runModel({ customers: oneTimers, model, unit: 'weeks', horizon: 10 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.reason).toBe('not-enough-data');
    expect(r.failure.message).toBe('not enough repeat purchases to fit: 0 of 120 customers bought twice');
  });

  it('one customer → not-enough-data', () => {
    const fit = getTransactionModel('bgnbd').fit(compressSummaries({ frequency: [3], recency: [5], T: [9] }));
    expect(fit).toMatchObject({ ok: false, reason: 'not-enough-data', converged: false });
  });

  it('a model the data cannot pin down → did-not-converge, never NaN', () => {
    // Two customers, both buying steadily: drop-out is unidentified and a parameter runs off.
    const fit = getTransactionModel('pnbd').fit(compressSummaries({ frequency: [5, 6], recency: [10, 10], T: [10, 10] }));
    expect(fit.ok).toBe(false);
    if (fit.ok) return;
    expect(fit.reason).toBe('did-not-converge');
    expect(fit.message).toMatch(/did not converge/);
    expect(JSON.stringify(fit)).not.toMatch(/NaN|Infinity|null/);
  });

  it('Gamma-Gamma, BG/BB and sBG report not-enough-data', () => {
    expect(fitGammaGamma(compressSpend([0, 0], [0, 0]))).toMatchObject({ ok: false, reason: 'not-enough-data' });
    expect(fitBgBb([{ frequency: 0, recency: 0, periods: 6, weight: 10 }])).toMatchObject({ ok: false, reason: 'not-enough-data' });
    expect(fitSbg([100, 100, 100])).toMatchObject({ ok: false, reason: 'not-enough-data' });
  });
});

describe('given parameters work on any customer base', () => {
  it('predicts one-time buyers, huge frequencies and ten-year horizons without NaN', () => {
    const customers = [
      { frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
      { frequency: 1000, recency: 3649, T: 3650, monetaryValue: 12 },
      { frequency: 3, recency: 0.5, T: 3650, monetaryValue: 40 },
    ];
    for (const model of ['bgnbd', 'mbgnbd'] as const) {
      const r = runModel({
        customers, model, unit: 'days', horizon: 3650, params: { r: 0.24, alpha: 31, a: 0.3, b: 0.5 }, // a + b < 1
        spendParams: { p: 6, q: 3.7, gamma: 15 }, clv: { months: 120 },
      });
      expect(r.ok && allFinite(r.predictions)).toBe(true);
    }
    const r = runModel({ customers, model: 'pnbd', unit: 'days', horizon: 3650, params: { r: 0.5, alpha: 70, s: 0.6, beta: 0.01 }, spendParams: { p: 6, q: 3.7, gamma: 15 } });
    expect(r.ok && allFinite(r.predictions)).toBe(true);
  });

  it('leaves CLV out rather than inventing it when the spend model has no finite mean (q ≤ 1)', () => {
    const r = runModel({ customers: [{ frequency: 0, recency: 0, T: 5, monetaryValue: 0 }], model: 'bgnbd', unit: 'weeks', horizon: 5, params: { r: 1, alpha: 1, a: 1.5, b: 1 }, spendParams: { p: 1, q: 0.5, gamma: 1 } });
    expect(r.ok && r.predictions.clv).toBeNull();
  });
});

describe('invalid input throws ClvInputError', () => {
  const base = { model: 'bgnbd' as const, unit: 'weeks' as const, horizon: 10 };
  it.each([
    ['recency > T', [{ frequency: 1, recency: 11, T: 10 }], /recency 11 is greater than T 10/],
    ['negative values', [{ frequency: -1, recency: 0, T: 10 }], /negative value/],
    ['fractional frequency', [{ frequency: 1.5, recency: 1, T: 10 }], /not a whole number/],
    ['recency without purchases', [{ frequency: 0, recency: 2, T: 10 }], /recency must be 0/],
    ['NaN', [{ frequency: 1, recency: NaN, T: 10 }], /finite/],
  ])('%s', (_name, customers, message) => {
    expect(() => runModel({ ...base, customers })).toThrow(message);
    try {
      runModel({ ...base, customers });
    } catch (e) {
      expect(e).toBeInstanceOf(ClvInputError);
      expect((e as ClvInputError).code).toBe('invalid-summary');
      expect((e as ClvInputError).row).toBe(0);
    }
  });

  it('unknown model and bad parameters', () => {
    expect(() => runModel({ ...base, model: 'xgboost' as never, customers: [] })).toThrow(/unknown transaction model "xgboost"/);
    expect(() => runModel({ ...base, customers: [{ frequency: 1, recency: 1, T: 2 }], params: { r: -1, alpha: 1, a: 1, b: 1 } })).toThrow(/parameter r must be a positive number/);
    expect(() => runModel({ ...base, customers: [], horizon: -1 })).toThrow(/horizon/);
  });
});

// Property tests (fast-check, fixed seed so a failure reproduces). Sources: the model definitions —
// P(alive) is a probability, E[Y(t)] is a cumulative count, and MLE recovers the parameters that
// generated a large simulated sample (FHL 2005 BG/NBD process, simulate.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressSummaries, getTransactionModel, simulateBgNbd } from '@/lib/metrics/clv/index';

const SEED = 20240601;
const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const bgParams = fc.record({ r: positive(0.05, 5), alpha: positive(0.5, 100), a: positive(0.05, 5), b: positive(0.05, 5) });
const pnbdParams = fc.record({ r: positive(0.05, 5), alpha: positive(0.5, 100), s: positive(0.05, 5), beta: positive(0.5, 100) });
/** Customers up to 1,000 repeat purchases, T up to 3,650 (ten years in days). */
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 1000 }), T: positive(0, 3650), share: positive(0, 1) })
  .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : T * share, T }));

const cases = [
  ['bgnbd', bgParams],
  ['mbgnbd', bgParams],
  ['pnbd', pnbdParams],
] as const;

describe.each(cases)('%s properties', (name, paramsArb) => {
  const model = getTransactionModel(name);

  it('P(alive) ∈ [0, 1] and finite for x ≤ 1000, T ≤ 3650', () => {
    fc.assert(
      fc.property(paramsArb, customer, (p, c) => {
        const alive = model.probabilityAlive(p as never, c.x, c.tx, c.T);
        return Number.isFinite(alive) && alive >= 0 && alive <= 1;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('E[Y(t)] is finite, ≥ 0 and non-decreasing in t up to ten years (3650 days)', () => {
    fc.assert(
      fc.property(paramsArb, customer, positive(0, 3650), positive(0, 3650), (p, c, t1, t2) => {
        const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const alive = model.probabilityAlive(p as never, c.x, c.tx, c.T);
        const eLo = alive * model.aliveGrowth(p as never, c.x, c.T, lo);
        const eHi = alive * model.aliveGrowth(p as never, c.x, c.T, hi);
        return Number.isFinite(eLo) && Number.isFinite(eHi) && eLo >= 0 && eHi >= eLo * (1 - 1e-9) - 1e-12;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('E[X(t)] for a new customer is finite at 520 weeks', () => {
    fc.assert(
      fc.property(paramsArb, (p) => Number.isFinite(model.expectedPurchasesNew(p as never, 520))),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('fit recovers known parameters from simulated data', () => {
  it('BG/NBD: 20,000 simulated customers, each parameter within 3 standard errors', () => {
    const truth = { r: 0.5, alpha: 8, a: 0.8, b: 3 };
    const sim = simulateBgNbd({ customers: 20_000, params: truth, acquisitionDays: 84, calibrationDays: 364, daysPerUnit: 7, seed: 7, dayResolution: false });
    const fit = getTransactionModel('bgnbd').fit(compressSummaries(sim));
    if (!fit.ok) throw new Error(fit.message);
    for (const [name, value] of Object.entries(truth)) {
      const se = (fit.standardErrors as Record<string, number | null>)[name]!;
      expect(Math.abs((fit.params as unknown as Record<string, number>)[name]! - value), name).toBeLessThan(3 * se);
    }
  });
});

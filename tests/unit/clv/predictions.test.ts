// Expected values: FHL (2005) / issue 3 point (E[Y(39)] = 1.226, P(alive) = 0.7266); everything else
// is an identity that must hold exactly (probabilities sum to 1, their mean is E[X(t)], DERL equals its
// defining discounted sum) — checked by hand-written sums here.
import { describe, expect, it } from 'vitest';
import {
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  gammaGammaExpectedSpend,
  getTransactionModel,
  isOverdue,
  medianTimeToNextPurchase,
  sbgDerl,
  sbgRetentionRate,
  sbgSurvival,
} from '@/lib/metrics/clv/index';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD at (0.243, 4.414, 0.793, 2.426): customer x = 2, t_x = 30.43, T = 38.86', () => {
  const model = getTransactionModel('bgnbd');
  it('E[Y(39)] = 1.226 and P(alive) = 0.7266 (FHL 2005, issue 3)', () => {
    const alive = model.probabilityAlive(BG, 2, 30.43, 38.86);
    expect(alive * model.aliveGrowth(BG, 2, 38.86, 39)).toBeCloseTo(1.226, 3);
    expect(alive).toBeCloseTo(0.7266, 4);
  });
  it('calls every one-time buyer alive, unlike MBG/NBD and Pareto/NBD', () => {
    expect(model.probabilityAlive(BG, 0, 0, 38.86)).toBe(1);
    expect(getTransactionModel('mbgnbd').probabilityAlive({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 0, 0, 38.86)).toBeLessThan(0.6);
    expect(getTransactionModel('pnbd').probabilityAlive({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.67 }, 0, 0, 38.86)).toBeLessThan(0.4);
  });
});

describe.each([
  ['bgnbd', BG],
  ['mbgnbd', { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }],
  ['pnbd', { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.67 }],
  ['pnbd', { r: 2, alpha: 30, s: 0.5, beta: 2 }], // α > β branch of the ₂F₁ terms
])('%s P(X(t) = n) for a new customer', (name, params) => {
  const model = getTransactionModel(name);
  it.each([1, 39, 104])('sums to 1 with mean E[X(t)] at t = %d', (t) => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = model.probabilityOfPurchases(params as never, t, n);
      expect(p).toBeGreaterThanOrEqual(0);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(model.expectedPurchasesNew(params as never, t), 6);
  });
});

describe('Gamma-Gamma expected spend (2013 note eq. 5, by hand)', () => {
  const gg = { p: 6, q: 4, gamma: 15 };
  it('is the population mean pγ/(q−1) = 30 for x = 0, flagged as such', () => {
    expect(gammaGammaExpectedSpend(gg, 0, 0)).toEqual({ value: 30, isPopulationMean: true });
  });
  it('weights the customer mean by px/(px+q−1): x = 1, m = 10 → 6·(15+10)/9', () => {
    expect(gammaGammaExpectedSpend(gg, 1, 10).value).toBeCloseTo(150 / 9, 12);
  });
  it('has no finite mean when q ≤ 1', () => {
    expect(gammaGammaExpectedSpend({ p: 1, q: 0.8, gamma: 1 }, 0, 0).value).toBeNull();
  });
});

describe('next purchase timing (Lomax median, by hand)', () => {
  it('median wait (α+T)(2^(1/(r+x)) − 1) and overdue when the silence is longer', () => {
    const p = { r: 1, alpha: 9 };
    expect(medianTimeToNextPurchase(p, 1, 1)).toBeCloseTo(10 * (Math.SQRT2 - 1), 12);
    expect(isOverdue(p, 1, 0.5, 1)).toBe(false); // silence 0.5 < 4.14
    expect(isOverdue(p, 1, 0.5, 20)).toBe(true); // silence 19.5 > 29·0.414 = 12.0
  });
});

describe('sBG (Fader & Hardie 2007, 2010)', () => {
  const p = { alpha: 0.704, beta: 1.182 };
  it('retention r_t = S(t)/S(t−1)', () => {
    for (let t = 1; t < 10; t++) expect(sbgRetentionRate(p, t)).toBeCloseTo(sbgSurvival(p, t) / sbgSurvival(p, t - 1), 12);
  });
  it('DERL equals Σ_k P(survive renewals n..n+k) / (1+d)^k', () => {
    for (const renewals of [0, 4]) {
      let sum = 0;
      let survive = 1;
      for (let k = 0; k < 20000; k++) {
        survive *= sbgRetentionRate(p, renewals + 1 + k);
        sum += survive / 1.1 ** k;
      }
      expect(sbgDerl(p, renewals, 0.1)).toBeCloseTo(sum, 9);
    }
  });
});

describe('BG/BB predictions (FHS 2010)', () => {
  const p = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
  it('a 6-of-6 donor is almost surely alive and expected purchases grow with the horizon', () => {
    expect(bgBbProbabilityAlive(p, 6, 6, 6)).toBeGreaterThan(0.9);
    expect(bgBbProbabilityAlive(p, 0, 0, 6)).toBeLessThan(bgBbProbabilityAlive(p, 3, 6, 6));
    expect(bgBbExpectedPurchases(p, 3, 6, 6, 5)).toBeGreaterThan(bgBbExpectedPurchases(p, 3, 6, 6, 1));
  });
  it('P(alive at n+1) for x = t_x = n equals B(γ, δ+n+1)/B(γ, δ+n) (nothing else to explain)', () => {
    // For x = t_x = n the likelihood has only its first term, so the ratio is the survival step alone.
    expect(bgBbProbabilityAlive(p, 6, 6, 6)).toBeCloseTo((p.delta + 6) / (p.gamma + p.delta + 6), 12);
  });
});

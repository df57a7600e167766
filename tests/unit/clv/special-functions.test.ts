// Reference values: mpmath 1.3 at 40 digits (loggamma, digamma, hyp2f1), computed for this file.
import { describe, expect, it } from 'vitest';
import { hyp2f1 } from '@/lib/metrics/clv/hypergeometric';
import { digamma, lnBeta, lnGamma, log1mExp, logAddExp, logSubExp, logSumExp, oneMinusExpOver } from '@/lib/metrics/clv/special-functions';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('lnGamma and digamma (mpmath reference)', () => {
  it.each([
    [0.1, 2.252712651734205902],
    [0.5, 0.57236494292470008707],
    [1, 0],
    [2.5, 0.28468287047291915963],
    [10, 12.801827480081469611],
    [123.456, 469.6055471299294835],
    [1e5, 1051287.7089736568949],
    [3e7, 486501230.49937745055],
  ])('lnGamma(%d)', (x, expected) => {
    expect(rel(lnGamma(x), expected)).toBeLessThan(1e-14);
  });

  it('reflects below 1/2 and is +Infinity at the poles', () => {
    // Γ(−0.5) = −2√π, so ln|Γ(−0.5)| = ln(2√π).
    expect(lnGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 14);
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnGamma(-3)).toBe(Infinity);
  });

  it('lnBeta(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b); B(1, 1) = 1', () => {
    expect(lnBeta(1, 1)).toBeCloseTo(0, 13);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13); // B(2,3) = 1!2!/4! by hand
  });

  it.each([
    [0.3, -3.5025242222001331249],
    [1, -0.57721566490153286061],
    [7.5, 1.9467574842460867881],
    [50, 3.901989673427892197],
  ])('digamma(%d)', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThan(1e-13);
  });
});

describe('log-space helpers (hand calculation)', () => {
  it('never overflows where exp would', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logSubExp(1000, 1000)).toBe(-Infinity);
    expect(logSubExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 14);
    expect(logSumExp([800, 800, 800])).toBeCloseTo(800 + Math.log(3), 12);
    expect(log1mExp(-1e-20)).toBeCloseTo(Math.log(1e-20), 10);
    expect(oneMinusExpOver(0, 2)).toBe(2);
    expect(oneMinusExpOver(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
  });
});

describe('hyp2f1 in log space (mpmath reference)', () => {
  it.each([
    ['small z, BG/NBD-like', 0.2426, 2.4259, 2.2188, 0.47, 0.17178081233961441177, 1, 1e-14],
    ['x = 1000: value e^693', 1000.24, 1002.4, 1002.2, 0.5, 693.45196961495147012, 1, 1e-14],
    ['negative c (a + b < 1 with x = 0)', 0.5, 0.3, -0.2, 0.6, -1.1372134697192052651, -1, 1e-14],
    ['z near 1, negative b', 1.16, -0.2, 1.22, 0.999, -1.0348014085922712408, 1, 1e-13],
    ['z = 0.99999 (connection formula)', 1.7, 1.6, 2.7, 0.99999, 7.9471158561865753596, 1, 1e-13],
    ['Pareto A0 shape, x = 1000, z near 1', 1001.7, 1.6, 1002.7, 0.999, 10.290352948328892446, 1, 1e-10],
    ['integer c − a − b near z = 1', 2.5, 1.5, 3, 0.9999, 9.7389628822862091221, 1, 1e-10],
    ['negative z (Pfaff)', 1.2, 0.3, 0.7, -3.5, -0.6836937727446925891, 1, 1e-14],
    ['integer c − a − b, z = 0.9999', 0.5, 0.5, 2, 0.9999, 0.24133985108108200472, 1, 1e-10],
    ['DERL shape, d = 1 %', 1, 4, 5.6, 0.990099, 1.7855866746303574077, 1, 1e-13],
  ])('%s', (_name, a, b, c, z, logValue, sign, tol) => {
    const v = hyp2f1(a, b, c, z);
    expect(v.sign).toBe(sign);
    expect(rel(v.log, logValue)).toBeLessThan(tol);
  });

  it('rejects z ≥ 1', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});

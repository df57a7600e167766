// Expected values: issue 3 "Done when", which quotes lifetimes 0.11.3 fits of CDNOW_sample.txt
// (calibration 1997-09-30, weeks; BG/NBD and Pareto/NBD as in golden/cdnow_sample_golden_params.json),
// BG/BB from Fader, Hardie & Shang (2010) and sBG from Fader & Hardie (2007) Table 2.
// Parameters to 1e-3 relative (Pareto/NBD β to 1e-2), log-likelihoods to 0.01.
import { describe, expect, it } from 'vitest';
import { compressSpend, compressSummaries, fitBgBb, fitGammaGamma, fitSbg, getTransactionModel } from '@/lib/metrics/clv/index';
import { readPatterns, readSurvival } from '@/lib/cli/read-tables';
import { cdnowCalibration, DATASETS, relativeError } from './cdnow-fixture';

function expectParams(params: object, expected: Record<string, number>, tol: Record<string, number> = {}) {
  const actual = params as Record<string, number>;
  for (const [name, value] of Object.entries(expected)) {
    expect(relativeError(actual[name]!, value), `${name}: ${actual[name]} vs ${value}`).toBeLessThan(tol[name] ?? 1e-3);
  }
}

describe('fits from raw CDNOW_sample.txt transactions', () => {
  const cal = cdnowCalibration();
  const data = compressSummaries(cal);

  it('BG/NBD: r 0.2426, α 4.4136, a 0.7929, b 2.4259, LL −9582.43', () => {
    const fit = getTransactionModel('bgnbd').fit(data);
    if (!fit.ok) throw new Error(fit.message);
    expectParams(fit.params, { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 });
    expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThan(0.01);
    expect(fit.converged).toBe(true);
    expect(fit.standardErrors.r).toBeGreaterThan(0);
  });

  it('Pareto/NBD: r 0.553, α 10.578, s 0.606, β 11.67, LL −9594.98', () => {
    const fit = getTransactionModel('pnbd').fit(data);
    if (!fit.ok) throw new Error(fit.message);
    expectParams(fit.params, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.67 }, { beta: 1e-2 });
    expect(Math.abs(fit.logLikelihood - -9594.98)).toBeLessThan(0.01);
  });

  it('MBG/NBD: r 0.525, α 6.183, a 0.891, b 1.614', () => {
    const fit = getTransactionModel('mbgnbd').fit(data);
    if (!fit.ok) throw new Error(fit.message);
    expectParams(fit.params, { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
  });

  it('Gamma-Gamma: p 6.25, q 3.74, γ 15.44, LL −4055.92 on 946 customers', () => {
    const fit = fitGammaGamma(compressSpend(cal.frequency, cal.monetary));
    if (!fit.ok) throw new Error(fit.message);
    // The issue rounds q to 3.74 (1.1e-3 from the optimum), so parameters are checked to 1e-3 against
    // lifetimes' unrounded values in golden/cdnow_sample_golden_params.json, and to 2 decimals as quoted.
    expectParams(fit.params, { p: 6.249572277635238, q: 3.7442246747584367, gamma: 15.443521018364557 });
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 2);
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThan(0.01);
    expect(fit.customers).toBe(946);
  });
});

describe('discrete-time and contractual models', () => {
  it('BG/BB on donations.csv: α 1.204, β 0.750, γ 0.657, δ 2.783, LL −33225.58', () => {
    const fit = fitBgBb(readPatterns(`${DATASETS}donations.csv`));
    if (!fit.ok) throw new Error(fit.message);
    expectParams(fit.params, { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    expect(Math.abs(fit.logLikelihood - -33225.58)).toBeLessThan(0.01);
    expect(fit.customers).toBe(11104);
  });

  it('sBG on years 0–7: regular α 0.704, β 1.182; high end α 0.668, β 3.806', () => {
    const segments = readSurvival(`${DATASETS}sbg_retention_fader_hardie_2007.csv`, 7);
    const regular = fitSbg(segments.get('regular_alive')!);
    const highEnd = fitSbg(segments.get('highend_alive')!);
    if (!regular.ok || !highEnd.ok) throw new Error('sBG fit failed');
    expectParams(regular.params, { alpha: 0.704, beta: 1.182 });
    expectParams(highEnd.params, { alpha: 0.668, beta: 3.806 });
  });
});

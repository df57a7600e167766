// Expected values: golden/cdnow_sample_golden_odd.csv, produced by lifetimes 0.11.3 on CDNOW_sample.txt
// (README "golden/"), reproduced through `worthwise predict --params` (runCli is the same code path as
// bin/worthwise.js) with the CLI-format params file cdnow_sample_golden_cli_params.json written from
// golden/cdnow_sample_golden_params.json. Every column to 1e-6 relative.
import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/main';
import { CDNOW_SAMPLE, DATASETS, readText } from './cdnow-fixture';

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
}

const golden = parseCsv(readText(`${DATASETS}golden/cdnow_sample_golden_odd.csv`));
const params = `${DATASETS}golden/cdnow_sample_golden_cli_params.json`;

async function predict(model: string): Promise<Map<number, Record<string, string>>> {
  const out = await runCli([
    'predict', CDNOW_SAMPLE, '--model', model, '--calibration-end', '1997-09-30', '--unit', 'weeks',
    '--horizon', '39', '--params', params, '--clv-months', '12', '--discount', '0.01', '--margin', '1',
    '--month-length', 'lifetimes',
  ], new Date('2026-01-01T00:00:00Z'));
  expect(out.exitCode, out.stderr).toBe(0);
  return new Map(parseCsv(out.stdout).map((r) => [Number(r.customer_id), r]));
}

function maxRelativeError(rows: Map<number, Record<string, string>>, ours: string, theirs: string): number {
  let worst = 0;
  for (const g of golden) {
    const mine = Number(rows.get(Number(g.customer_id))![ours]);
    const ref = Number(g[theirs]);
    worst = Math.max(worst, ref === 0 ? Math.abs(mine) : Math.abs(mine - ref) / Math.abs(ref));
  }
  return worst;
}

const bg = await predict('bgnbd');
const pnbd = await predict('pnbd');

describe('golden file (lifetimes 0.11.3) via worthwise predict --params', () => {

  it('has all 1,179 odd customers', () => {
    expect(golden).toHaveLength(1179);
    for (const g of golden) expect(bg.has(Number(g.customer_id))).toBe(true);
  });

  it.each([
    ['frequency', 'frequency'],
    ['recency', 'recency'],
    ['T', 'T'],
    ['monetary_value', 'monetary_value'],
    ['expected_purchases', 'bgnbd_expected_purchases_39w'],
    ['p_alive', 'bgnbd_prob_alive'],
    ['expected_avg_value', 'gg_expected_avg_value'],
    ['clv', 'clv_12m_bgnbd_gg'],
  ])('BG/NBD run: %s matches %s', (ours, theirs) => {
    expect(maxRelativeError(bg, ours, theirs)).toBeLessThan(1e-6);
  });

  it.each([
    ['expected_purchases', 'pnbd_expected_purchases_39w'],
    ['p_alive', 'pnbd_prob_alive'],
    ['clv', 'clv_12m_pnbd_gg'],
  ])('Pareto/NBD run: %s matches %s', (ours, theirs) => {
    expect(maxRelativeError(pnbd, ours, theirs)).toBeLessThan(1e-6);
  });
});

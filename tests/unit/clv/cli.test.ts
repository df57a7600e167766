// The worthwise CLI (issue 3 item 8): output shapes, bad input on stderr naming the line with a non-zero
// exit code, and one real run of bin/worthwise.js. Expected numbers: the fits in fit-cdnow.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/main';
import { CDNOW_SAMPLE, DATASETS } from './cdnow-fixture';

// runCli takes "now" (for inspect's future-date check); the tests fix it.
const NOW = new Date('2026-01-01T00:00:00Z');
const run = (argv: string[]) => runCli(argv, NOW);

const dir = mkdtempSync(join(tmpdir(), 'worthwise-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('worthwise summary / fit / predict', () => {
  it('summary prints customer_id, frequency, recency, T, monetary_value', async () => {
    const out = await run(['summary', CDNOW_SAMPLE, '--calibration-end', '1997-09-30', '--unit', 'weeks']);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe('customer_id,frequency,recency,T,monetary_value');
    expect(lines).toHaveLength(2358);
    expect(lines[1]).toBe(`0001,2,${213 / 7},${272 / 7},22.345`);
  });

  it('fit prints one JSON object with the agreed keys', async () => {
    const out = await run(['fit', `${DATASETS}donations.csv`, '--model', 'bgbb']);
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['model', 'params', 'logLikelihood', 'standardErrors', 'customers', 'converged', 'seconds']);
    expect(Object.keys(json.params)).toEqual(['alpha', 'beta', 'gamma', 'delta']);
  });

  it('fit on a --summary CSV uses the given columns', async () => {
    const out = await run(['fit', `${DATASETS}cdnow_customers_summary.csv`, '--summary', '--model', 'bgnbd', '--unit', 'weeks']);
    const json = JSON.parse(out.stdout);
    expect(json.customers).toBe(2357);
    expect(json.params.r).toBeCloseTo(0.243, 2); // rounded-summary fit, close to the raw one
  });

  it('reads a CSV with custom columns and date format', async () => {
    const csv = file('orders.csv', 'who,when,paid\na,03/01/2024,10\na,03/15/2024,5\nb,03/02/2024,7\n');
    const out = await run(['summary', csv, '--calibration-end', '2024-03-31', '--customer-column', 'who', '--date-column', 'when', '--amount-column', 'paid', '--date-format', 'MM/DD/YYYY']);
    expect(out.stdout).toBe('customer_id,frequency,recency,T,monetary_value\na,1,14,30,5\nb,0,0,29,0\n');
  });

  it('predicts sBG survival and DERL per period', async () => {
    const out = await run(['predict', `${DATASETS}sbg_retention_fader_hardie_2007.csv`, '--model', 'sbg', '--periods', '7', '--horizon', '12', '--segment', 'regular_alive']);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe('segment,period,survival,retention_rate,derl');
    expect(lines).toHaveLength(14);
  });
});

describe('bad input: message on stderr naming the row, non-zero exit', () => {
  it.each([
    ['an impossible date', 'customer_id,date,amount\n1,2020-01-01,5\n2,2020-13-01,3\n', /line 3: date "2020-13-01"/],
    ['a non-numeric amount', 'customer_id,date,amount\n1,2020-01-01,five\n', /line 2: amount "five" is not a number/],
    ['a missing column', 'id,date,amount\n1,2020-01-01,5\n', /no column "customer_id"/],
  ])('%s', async (_name, text, message) => {
    const out = await run(['fit', file('bad.csv', text), '--model', 'bgnbd']);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('recency > T in a summary names the line', async () => {
    const out = await run(['fit', file('s.csv', 'customer_id,frequency,recency,T\n1,1,2,3\n2,2,5,4\n'), '--summary', '--model', 'bgnbd']);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/line 3: recency 5 is greater than T 4/);
  });

  it('unknown model, missing file and missing flags', async () => {
    expect(await run(['fit', CDNOW_SAMPLE, '--model', 'foo'])).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/unknown model "foo"/) });
    expect((await run(['fit', join(dir, 'nope.csv'), '--model', 'bgnbd'])).exitCode).toBe(1);
    expect((await run(['predict', CDNOW_SAMPLE, '--model', 'bgnbd'])).exitCode).toBe(2);
    expect((await run(['fit'])).exitCode).toBe(2);
  });

  it('a fit that cannot be made prints converged: false and exits 3', async () => {
    const out = await run(['fit', file('one.csv', 'customer_id,date,amount\n1,2020-01-01,5\n2,2020-01-03,3\n'), '--model', 'bgnbd']);
    expect(out.exitCode).toBe(3);
    expect(JSON.parse(out.stdout)).toMatchObject({ converged: false, message: 'not enough repeat purchases to fit: 0 of 2 customers bought twice' });
  });
});

describe('bin/worthwise.js', () => {
  const bin = new URL('../../../bin/worthwise.js', import.meta.url).pathname;
  it('runs the BG/NBD fit from the issue as a real process', () => {
    const out = execFileSync(process.execPath, [bin, 'fit', CDNOW_SAMPLE, '--model', 'bgnbd', '--calibration-end', '1997-09-30', '--unit', 'weeks'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ model: 'bgnbd', converged: true, customers: 2357 });
  });
  it('exits non-zero with the message on stderr', () => {
    const r = spawnSync(process.execPath, [bin, 'fit', CDNOW_SAMPLE, '--model', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown model/);
  });
});

describe('presets in the CLI', () => {
  const FIXTURES = new URL('../../fixtures/imports/', import.meta.url).pathname;

  it('inspect prints the data-quality report as one JSON object and writes nothing', async () => {
    const out = await run(['inspect', `${FIXTURES}shopify-orders.csv`, '--tz', 'America/New_York']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out.stdout);
    // The same hand calculation as tests/unit/imports/presets.test.ts.
    expect(json).toMatchObject({
      preset: 'shopify', rowsRead: 16, orders: 6, refunds: 2, rowsExcluded: 6, customers: 3,
      excluded: { 'no customer key': { count: 1, exampleRows: [7] }, cancelled: { count: 1, exampleRows: [11] } },
      totalsByCurrency: { USD: { grossMinor: 142900, refundedMinor: 5500, netMinor: 137400 } },
      dateRange: { first: '2024-01-05T15:00:00.000Z', last: '2024-04-05T14:00:00.000Z' },
      dateOrder: { 'Created at': 'unambiguous (ISO 8601, YYYYMMDD or Excel serial)' },
    });
  });

  it('inspect names the row of a malformed file, and rejects an unknown zone', async () => {
    const bad = file('bad-stripe.csv', 'id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer ID,Customer Email\nch_1,2024-01-01 10:00:00,twelve,0,usd,true,Paid,cus_1,\n');
    const out = await run(['inspect', bad]);
    expect(out).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/line 2: Amount "twelve" is not a number/) });
    // The report still comes, with the malformed row listed (data row 1 is file line 2).
    expect(JSON.parse(out.stdout)).toMatchObject({
      preset: 'stripe', rowsRead: 1, orders: 0,
      invalidRows: { count: 1, examples: [{ line: 2, row: 1, column: 'Amount', value: 'twelve', message: 'is not a number' }] },
    });
    expect(await run(['inspect', bad, '--tz', 'Mars/Olympus'])).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/--tz must be an IANA time zone/) });
  });

  it('summary detects the Stripe preset: refunds net out on their charge day', async () => {
    const out = await run(['summary', `${FIXTURES}stripe-unified-payments.csv`, '--calibration-end', '2024-03-31']);
    const lines = out.stdout.trim().split('\n');
    // cus_Pa0001 bought on Jan 3, Jan 10 and Mar 1: 2 repeats, recency 58 days (Jan 3 → Mar 1, 2024),
    // T 88 days (Jan 3 → Mar 31), mean repeat value (19.99 + 1000.00) / 2.
    expect(lines).toContain(`cus_Pa0001,2,58,88,${(19.99 + 1000) / 2}`);
    expect(lines).toHaveLength(1 + 4);
  });

  it('refuses a file in two currencies instead of averaging dollars with euros (newcomer test)', async () => {
    const out = await run(['summary', `${FIXTURES}stripe-two-currencies.csv`, '--calibration-end', '2024-03-31']);
    expect(out).toMatchObject({ exitCode: 1, stdout: '', stderr: expect.stringMatching(/amounts are in EUR and USD; the models need one currency/) });
  });

  it('escapes a formula in a customer id on CSV output', async () => {
    const csv = file('formula.csv', 'customer_id,date,amount\n"=HYPERLINK(""http://evil.test"",""x"")",2024-01-01,5\n');
    const out = await run(['summary', csv, '--calibration-end', '2024-01-31']);
    expect(out.stdout.split('\n')[1]).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")",0,0,30,0`);
  });
});

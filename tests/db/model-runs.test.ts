// Expected values: BG/NBD, Gamma-Gamma and P(alive) on CDNOW_sample from lifetimes 0.11.3
// (tests/fixtures/datasets/golden/cdnow_sample_golden_params.json and …_golden_odd.csv, calibration
// 1997-09-30, weeks), the same numbers the pure-TS tests in tests/unit/clv check from the file; the
// counts Σx = 2,457 and Σx* = 1,882 from tests/fixtures/datasets/README.md; the backtest total
// 1,653.4 from tests/unit/clv/backtest.test.ts. Here they come through import → SQL → run → table.
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb, queryRows } from '@/db';
import { getLatestModelRun, getModelRun } from '@/db/queries/model-runs';
import { getPredictionSummary } from '@/db/queries/predictions';
import { listPurchaseHistories } from '@/db/queries/purchase-histories';
import { customerPredictions, customers, workspaces, type CustomerPrediction } from '@/db/schema';
import { summarizeHistories } from '@/lib/metrics/clv';
import { enqueueModelRun, executeModelRun, runModelNow } from '@/lib/predictions/run-model-for-workspace';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, importText, readCdnowSample } from '@/tests/helpers/db';

afterAll(closeConnection);

const DATASETS = 'tests/fixtures/datasets/';
const golden = JSON.parse(readFileSync(`${DATASETS}golden/cdnow_sample_golden_params.json`, 'utf8')).params;

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

async function predictionsOf(workspaceId: string): Promise<(CustomerPrediction & { externalId: string })[]> {
  const db = await getDb();
  const rows = await db
    .select({ p: customerPredictions, externalId: customers.externalId })
    .from(customerPredictions)
    .innerJoin(customers, eq(customers.id, customerPredictions.customerId))
    .where(eq(customerPredictions.workspaceId, workspaceId));
  return rows.map((r) => ({ ...r.p, externalId: r.externalId }));
}

function expectSane(rows: CustomerPrediction[]) {
  for (const r of rows) {
    expect(r.probabilityAlive).toBeGreaterThanOrEqual(0);
    expect(r.probabilityAlive).toBeLessThanOrEqual(1);
    expect(r.expectedPurchases12m).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.expectedPurchases12m)).toBe(true);
    if (r.predictedClv12mMinor !== null) expect(Number.isSafeInteger(r.predictedClv12mMinor)).toBe(true);
  }
}

describe('CDNOW_sample through the SQL aggregation path', () => {
  let target: Awaited<ReturnType<typeof createTestWorkspace>>;

  beforeAll(async () => {
    target = await createTestWorkspace('cdnow-sample');
    const summary = await importText(target, readCdnowSample(), CDNOW_SAMPLE_INPUT, 'CDNOW_sample.txt');
    expect(summary).toMatchObject({ rowsRead: 6919, customersAdded: 2357 });
  });

  it('aggregates to the published calibration summary: 2,357 customers, Σx = 2,457, 946 repeaters', async () => {
    const { histories, lastDay } = await listPurchaseHistories(target.workspace);
    expect(histories).toHaveLength(2357);
    expect(new Date(lastDay! * 86_400_000).toISOString().slice(0, 10)).toBe('1998-06-30');
    const { customers: summaries } = summarizeHistories(histories, { calibrationEnd: '1997-09-30', unit: 'weeks' });
    expect(summaries.reduce((s, c) => s + c.frequency, 0)).toBe(2457);
    expect(summaries.filter((c) => c.frequency > 0)).toHaveLength(946);
  });

  it('fits BG/NBD in weeks at 1997-09-30 to r 0.2426, α 4.4136, a 0.7929, b 2.4259 and stores it', async () => {
    const result = await runModelNow({ workspaceId: target.workspace.id, model: 'bgnbd', unit: 'weeks', calibrationEnd: '1997-09-30' });
    expect(result).toMatchObject({ status: 'completed', message: null });
    const run = (await getModelRun(target.workspace.id, result.runId))!;
    expect(run).toMatchObject({ status: 'completed', model: 'bgnbd', unit: 'weeks', calibrationEnd: '1997-09-30', converged: true, customersFitted: 2357 });
    for (const [name, value] of Object.entries({ r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 })) {
      expect(relativeError(run.params![name]!, value), name).toBeLessThan(1e-3);
    }
    expect(Math.abs(run.logLikelihood! - -9582.43)).toBeLessThan(0.01);
    // Gamma-Gamma on minor units: p and q as lifetimes; γ (a money scale) is 100 × lifetimes' dollar v.
    expect(relativeError(run.spendParams!.p!, golden.GammaGammaFitter.p)).toBeLessThan(1e-3);
    expect(relativeError(run.spendParams!.q!, golden.GammaGammaFitter.q)).toBeLessThan(1e-3);
    expect(relativeError(run.spendParams!.gamma!, 100 * golden.GammaGammaFitter.v)).toBeLessThan(1e-3);
    expect(run).toMatchObject({ grossMargin: 1, monthlyDiscountRate: 0.01 });
    expect(run.fitSeconds).toBeGreaterThan(0);
    expect(run.startedAt!.getTime()).toBeLessThanOrEqual(run.finishedAt!.getTime());

    // The backtest splits the whole history (1997-01-01 … 1998-06-30) in half: FHL's 39 + 39 weeks.
    expect(run.backtest).toMatchObject({ ok: true, calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', customers: 2357, actualTotal: 1882 });
    if (!run.backtest?.ok) throw new Error('no backtest');
    expect(run.backtest.predictedTotal).toBeCloseTo(1653.4, 1);
    expect(run.backtest.bias).toBeCloseTo((1653.4 - 1882) / 2357, 3);
    expect(run.backtest.rmse).toBeGreaterThanOrEqual(run.backtest.mae);
    // Stored as JSON objects that SQL can read, not as JSON strings (postgres.js re-encodes a bare $n::jsonb).
    const db = await getDb();
    const [kinds] = await queryRows<{ params: string; spend: string; backtest: string; r: number }>(db, sql`SELECT jsonb_typeof(params) AS params, jsonb_typeof(spend_params) AS spend,
      jsonb_typeof(backtest) AS backtest, (params->>'r')::float8 AS r FROM model_runs WHERE workspace_id = ${target.workspace.id} AND id = ${result.runId}`);
    expect(kinds).toMatchObject({ params: 'object', spend: 'object', backtest: 'object' });
    expect(relativeError(kinds!.r, 0.2426)).toBeLessThan(1e-3);
  });

  it("stores each customer's P(alive) as lifetimes computes it (1,179 golden customers to 1e-6)", async () => {
    const rows = await predictionsOf(target.workspace.id);
    expect(rows).toHaveLength(2357);
    expectSane(rows);
    const byCustomer = new Map(rows.map((r) => [Number(r.externalId), r]));
    const lines = readFileSync(`${DATASETS}golden/cdnow_sample_golden_odd.csv`, 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(1179);
    for (const line of lines) {
      const cells = line.split(',');
      const stored = byCustomer.get(Number(cells[0]))!;
      expect(Math.abs(stored.probabilityAlive - Number(cells[6])), `customer ${cells[0]}`).toBeLessThan(1e-6);
    }
  });

  it('replaces the predictions with the default run (MBG/NBD to the last order day) and applies the margin', async () => {
    const db = await getDb();
    const first = await runModelNow({ workspaceId: target.workspace.id });
    const full = await getPredictionSummary(target.workspace.id);
    await db.update(workspaces).set({ grossMargin: 0.25 }).where(eq(workspaces.id, target.workspace.id));
    const second = await runModelNow({ workspaceId: target.workspace.id });
    expect([first.status, second.status]).toEqual(['completed', 'completed']);
    const run = (await getModelRun(target.workspace.id, second.runId))!;
    expect(run).toMatchObject({ model: 'mbgnbd', unit: 'weeks', calibrationEnd: '1998-06-30', grossMargin: 0.25, customersFitted: 2357 });
    const rows = await predictionsOf(target.workspace.id);
    expect(rows).toHaveLength(2357);
    expect(rows.every((r) => r.modelRunId === second.runId)).toBe(true);
    expectSane(rows);
    const quarter = (await getPredictionSummary(target.workspace.id))!;
    expect(quarter.modelRunId).toBe(second.runId);
    // Same data and model, a quarter of the margin: a quarter of the CLV (each customer rounded to a cent).
    expect(Math.abs(quarter.clvTotalMinor! - full!.clvTotalMinor! / 4)).toBeLessThan(2357);
    expect(quarter.expectedPurchases).toBeCloseTo(full!.expectedPurchases, 6);
    expect(quarter.clvMeanMinor).toBeCloseTo(quarter.clvTotalMinor! / 2357, 6);
  });
});

describe('the purchase-day rules in SQL (hand-worked file)', () => {
  it('merges a calendar day in the workspace zone, drops a later day with net ≤ 0, keeps a $0 first day', async () => {
    const target = await createTestWorkspace('day-rules');
    const db = await getDb();
    await db.update(workspaces).set({ timeZone: 'America/New_York' }).where(eq(workspaces.id, target.workspace.id));
    // New York is UTC−5 in January. alice: 10.00 at 2024-01-01 23:30 local (04:30Z on the 2nd) and
    // 5.00 on 2024-01-01 local → one day worth 15.00; 2024-01-03 8.00 − 8.00 refund → net 0, not a
    // purchase; 2024-01-05 20.00 − 5.00 refund → 15.00. bob: a $0.00 first day, then 7.00 two days on.
    const csv = ['customer_id,date,amount',
      'alice,2024-01-02T04:30:00Z,10.00', 'alice,2024-01-01,5.00', 'alice,2024-01-03,8.00', 'alice,2024-01-03,-8.00',
      'alice,2024-01-05,20.00', 'alice,2024-01-05,-5.00', 'bob,2024-01-10,0.00', 'bob,2024-01-12,7.00'].join('\n');
    await importText({ ...target, workspace: { ...target.workspace, timeZone: 'America/New_York' } }, `${csv}\n`);
    const { histories, lastDay } = await listPurchaseHistories({ id: target.workspace.id, timeZone: 'America/New_York' });
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const byFirstDay = [...histories].sort((p, q) => p.days[0]! - q.days[0]!);
    expect(byFirstDay.map((h) => ({ days: h.days, values: h.values }))).toEqual([
      { days: [day('2024-01-01'), day('2024-01-05')], values: [1500, 1500] },
      { days: [day('2024-01-10'), day('2024-01-12')], values: [0, 700] },
    ]);
    expect(lastDay).toBe(day('2024-01-12'));
  });
});

describe('runs that cannot fit', () => {
  it('all one-time buyers → failed with the plain message, no predictions, nothing NaN', async () => {
    const target = await createTestWorkspace('one-timers');
    const lines = Array.from({ length: 120 }, (_, i) => `c${i},2024-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')},${10 + i}.00`);
    await importText(target, `customer_id,date,amount\n${lines.join('\n')}\n`);
    const result = await runModelNow({ workspaceId: target.workspace.id });
    const message = 'not enough repeat purchases to fit: 0 of 120 customers bought twice';
    expect(result).toMatchObject({ status: 'failed', message });
    const run = (await getModelRun(target.workspace.id, result.runId))!;
    expect(run).toMatchObject({ status: 'failed', message, customersFitted: 120, converged: null, params: null, logLikelihood: null, backtest: null });
    expect(run.calibrationEnd).toBe('2024-06-28');
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(run)).not.toMatch(/NaN|Infinity/);
    expect(await predictionsOf(target.workspace.id)).toEqual([]);
    expect(await getPredictionSummary(target.workspace.id)).toBeNull();
  });

  it('four customers, two repeaters → failed: the fit did not converge (recorded as such)', async () => {
    const target = await createTestWorkspace('tiny');
    await importText(target, 'customer_id,date,amount\nc1,2024-01-05,10.00\nc1,2024-02-10,20.50\nc2,2024-01-20,5.25\nc2,2024-03-15,14.75\nc3,2024-03-01,100.00\nc4,2024-02-29,49.50\n');
    const result = await runModelNow({ workspaceId: target.workspace.id });
    expect(result.status).toBe('failed');
    const run = (await getModelRun(target.workspace.id, result.runId))!;
    expect(run).toMatchObject({ status: 'failed', converged: false, customersFitted: 4, params: null });
    expect(run.message).toMatch(/^mbgnbd fit did not converge: /);
    expect(run.fitSeconds).toBeGreaterThanOrEqual(0);
    expect(await predictionsOf(target.workspace.id)).toEqual([]);
  });

  it('a workspace without orders → failed: no orders to fit a model to', async () => {
    const target = await createTestWorkspace('empty');
    const result = await runModelNow({ workspaceId: target.workspace.id });
    expect(result).toMatchObject({ status: 'failed', message: 'no orders to fit a model to' });
    expect((await getModelRun(target.workspace.id, result.runId))!.status).toBe('failed');
  });
});

describe('two runs of one workspace', () => {
  it('keeps the predictions of the run queued last, whichever finishes last; a run executes once', async () => {
    const target = await createTestWorkspace('two-runs');
    await importText(target, readCdnowSample(), CDNOW_SAMPLE_INPUT, 'CDNOW_sample.txt');
    const older = await enqueueModelRun({ workspaceId: target.workspace.id });
    const newer = await enqueueModelRun({ workspaceId: target.workspace.id });
    expect((await getLatestModelRun(target.workspace.id))!).toMatchObject({ id: newer, status: 'queued' });
    expect((await executeModelRun(target.workspace.id, newer)).status).toBe('completed');
    const late = await executeModelRun(target.workspace.id, older);
    expect(late).toMatchObject({ status: 'completed', message: 'a run queued later finished first, so its predictions are the ones kept' });
    expect((await getPredictionSummary(target.workspace.id))!.modelRunId).toBe(newer);
    expect((await executeModelRun(target.workspace.id, newer)).status).toBe('skipped');
  });
});

describe('an order dated in the future', () => {
  it('does not move the calibration end past today (second break-it test: one 2199 order, P(alive) ≈ 0 for all)', async () => {
    const target = await createTestWorkspace('future-order');
    await importText(target, readCdnowSample(300), CDNOW_SAMPLE_INPUT);
    // Sample ids are columns 2 of the CDNOW layout: customer 0001 buys once more, in 2199.
    await importText(target, '00001 0001 21990601 1 12.00\n', CDNOW_SAMPLE_INPUT);
    const run = await runModelNow({ workspaceId: target.workspace.id });
    const today = new Date().toISOString().slice(0, 10);
    expect((await getModelRun(target.workspace.id, run.runId))?.calibrationEnd).toBe(today);
  });
});

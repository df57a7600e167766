// Files of 1,000+ rows plan the merge without nested loops; smaller ones may not. Generated chains
// of exports (sizes on both sides of the threshold) must give exactly what the JS reference model
// gives: counts, dry run, every stored line, per-customer aggregates, deletions.
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { createTestWorkspace } from '@/tests/helpers/db';
import {
  expectMatchesModel, importViaJob, leftovers, Model, pickCounts, rng, type Row, storedAggregates, type Target, toCsv,
} from './reference-model';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const T0 = Date.UTC(2023, 0, 1);

function generate(seed: number, n: number, opts: { idPrefix: string; customers: number }) {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const custs = Array.from({ length: opts.customers }, (_, i) => (i % 7 === 0 ? `x|${i}` : i % 5 === 0 ? `user${i}@example.test` : `c${i}`));
  const rows: Row[] = [];
  const sales: Row[] = [];
  for (let i = 0; i < n; i++) {
    const u = rand();
    const c = pick(custs);
    const t = T0 + Math.floor(rand() * 700) * 86_400_000 + Math.floor(rand() * 86_400) * 1000;
    const qty = rand() < 0.5 ? null : 1 + Math.floor(rand() * 4);
    let row: Row;
    if (u < 0.45) row = { c, t, amount: 100 + Math.floor(rand() * 20_000), orderId: `${opts.idPrefix}${i}`, qty };
    else if (u < 0.5 && sales.length) {
      // the same order id under another customer (or a second line of the same order)
      const s = pick(sales);
      row = { c: rand() < 0.5 ? c : s.c, t: s.t, amount: 100 + Math.floor(rand() * 5_000), orderId: s.orderId, qty };
    } else if (u < 0.7) row = { c, t, amount: 100 + Math.floor(rand() * 20_000), orderId: null, qty };
    else if (u < 0.78 && rows.length) row = { ...pick(rows) }; // an exact duplicate row
    else if (u < 0.88 && sales.length) {
      const s = pick(sales);
      row = { c: s.c, t: s.t + 86_400_000, amount: -(1 + Math.floor(rand() * Math.max(1, s.amount))), orderId: s.orderId, qty: null };
    } else if (u < 0.94) row = { c, t, amount: -(100 + Math.floor(rand() * 3_000)), orderId: null, qty };
    else row = { c, t, amount: 0, orderId: rand() < 0.5 ? null : `${opts.idPrefix}z${i}`, qty };
    rows.push(row);
    if (row.amount > 0 && row.orderId !== null) sales.push(row);
  }
  return rows;
}

/** A later export: most of `rows` shuffled, some refunds raised, new refunds and sales, ghosts. */
function laterExport(seed: number, rows: Row[], extra: Row[]) {
  const rand = rng(seed);
  const kept = rows.filter(() => rand() < 0.8).map((row) => {
    if (row.amount < 0 && row.orderId !== null && rand() < 0.4) return { ...row, amount: row.amount - 1 - Math.floor(rand() * 500) };
    if (row.amount > 0 && row.orderId !== null && rand() < 0.05) return { ...row, c: `ghost${Math.floor(rand() * 20)}` };
    return row;
  });
  const refunds = rows.filter((row) => row.amount > 0 && row.orderId !== null && rand() < 0.1)
    .map((row) => ({ ...row, amount: -Math.max(1, Math.floor(row.amount / 3)), qty: null, t: row.t + 3_600_000 }));
  const all = [...kept, ...refunds, ...extra];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

async function step(t: Target, m: Model, rows: Row[]) {
  const { importId, preview, committed } = await importViaJob(t, toCsv(rows));
  const expected = m.apply(rows, importId);
  expect(pickCounts(preview), `dry run of ${rows.length} rows`).toEqual(expected);
  expect(pickCounts(committed), `commit of ${rows.length} rows`).toEqual(expected);
  await expectMatchesModel(t, m);
  return importId;
}


describe('the no-nested-loop path (1,000+ rows) and the small path agree with the model', () => {
  it.each([1, 2])('seed %i: 1,500 rows, a later 1,300-row export, a 700-row one, a 999 and a 1,000-row one, then deletions', async (seed) => {
    const t = await createTestWorkspace(`merge-large-${seed}`);
    const m = new Model();
    const a = generate(seed, 1_500, { idPrefix: 'A', customers: 250 });
    const ids: string[] = [];
    ids.push(await step(t, m, a));
    const b = laterExport(seed + 10, a, generate(seed + 20, 100, { idPrefix: 'B', customers: 300 }));
    expect(b.length).toBeGreaterThanOrEqual(1_000);
    ids.push(await step(t, m, b));
    const c = laterExport(seed + 30, b.slice(0, 600), generate(seed + 40, 100, { idPrefix: 'C', customers: 300 }));
    expect(c.length).toBeLessThan(1_000);
    ids.push(await step(t, m, c));
    // The same logical rows once as 999 and once as 1,000 (one more duplicate): both paths.
    const d = laterExport(seed + 50, a, []).slice(0, 999);
    ids.push(await step(t, m, d));
    ids.push(await step(t, m, [...d, d[0]!]));
    for (const id of [ids[1]!, ids[3]!, ids[0]!, ids[4]!, ids[2]!]) {
      await deleteImport(t.workspace.id, id);
      m.delete(id);
      await expectMatchesModel(t, m);
    }
    expect(await leftovers(t.workspace.id)).toMatchObject({ orders: 0, customers: 0, revisions: 0 });
  }, 240_000);

  it('the same 1,500 logical rows in one file and in three 500-row files (no repeated keys) give the same aggregates', async () => {
    const rows = generate(7, 1_500, { idPrefix: 'U', customers: 200 }).filter((row) => row.orderId !== null && row.amount > 0);
    const unique = [...new Map(rows.map((row) => [row.orderId, row])).values()];
    const one = await createTestWorkspace('merge-one');
    const three = await createTestWorkspace('merge-three');
    const m = new Model();
    const summary = await importViaJob(one, toCsv(unique));
    expect(pickCounts(summary.committed)).toEqual(m.apply(unique, summary.importId));
    for (let i = 0; i < unique.length; i += 500) await importViaJob(three, toCsv(unique.slice(i, i + 500)));
    expect(await storedAggregates(one.workspace.id)).toEqual(m.aggregates());
    expect(await storedAggregates(three.workspace.id)).toEqual(m.aggregates());
  }, 240_000);
});

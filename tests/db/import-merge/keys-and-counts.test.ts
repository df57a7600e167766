// Idempotency keys and the counts every import reports, through the real background path (check =
// rolled-back dry run, then commit), each step compared with the JS reference model in
// ./reference-model and with the dry run's own preview.
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { createTestWorkspace } from '@/tests/helpers/db';
import {
  expectMatchesModel, importViaJob, leftovers, Model, pickCounts, type Row, storedAggregates, type Target, toCsv,
} from './reference-model';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const DAY = 86_400_000;
const r = (c: string, day: number, amount: number, orderId: string | null = null, qty: number | null = null): Row => ({ c, t: T0 + day * DAY, amount, orderId, qty });

/** Imports `rows` through the job, applies them to the model, and checks counts, dry run, lines and aggregates. */
async function step(t: Target, model: Model, rows: Row[]) {
  const { importId, preview, committed } = await importViaJob(t, toCsv(rows));
  const expected = model.apply(rows, importId);
  expect(pickCounts(preview), 'dry run counts').toEqual(expected);
  expect(pickCounts(committed), 'committed counts').toEqual(expected);
  expect(committed).toEqual(preview);
  await expectMatchesModel(t, model);
  return importId;
}


describe('re-imports and duplicates', () => {
  it('the same file again adds nothing; two identical purchases in one file stay two', async () => {
    const t = await createTestWorkspace('merge-same');
    const m = new Model();
    const rows = [r('ann', 0, 1000), r('ann', 0, 1000), r('ann', 0, 1000, null, 2), r('bob', 1, 500, 'X1'), r('bob', 1, -200, 'X1'), r('ann', 2, -250)];
    await step(t, m, rows);
    expect(m.aggregates().find((a) => a[0] === 'ann')).toEqual(['ann', 3, 3000, 250, T0, T0]);
    await step(t, m, rows);
    await step(t, m, [...rows].reverse());
    expect((await leftovers(t.workspace.id)).orders).toBe(6);
  });

  it('a third identical purchase in a later export adds exactly one', async () => {
    const t = await createTestWorkspace('merge-third');
    const m = new Model();
    await step(t, m, [r('ann', 0, 1000), r('ann', 0, 1000)]);
    await step(t, m, [r('ann', 0, 1000), r('ann', 0, 1000), r('ann', 0, 1000)]);
    expect(m.aggregates()).toEqual([['ann', 3, 3000, 0, T0, T0]]);
  });

  it("customer keys with '|' and rows differing only in an empty vs present quantity stay apart", async () => {
    const t = await createTestWorkspace('merge-pipe');
    const m = new Model();
    const rows = [r('a|b', 0, 100), r('a', 0, 100), r('a|b|c', 0, 100, null, 1), r('a', 0, 100, null, 1), r('a', 0, 100, null, 11), r('a', 0, 100, null, null)];
    await step(t, m, rows);
    expect((await leftovers(t.workspace.id)).orders).toBe(6);
    await step(t, m, [...rows].reverse());
    await step(t, m, rows.slice(0, 3));
  });

  it('order ids repeated across customers, and a later file naming only the second customer', async () => {
    const t = await createTestWorkspace('merge-shared-id');
    const m = new Model();
    await step(t, m, [r('ann', 0, 1000, '1001'), r('bob', 1, 2000, '1001'), r('bob', 2, 300, '1002')]);
    // bob's #1001 is the second occurrence of key o:1001 in the first file; alone it is the first.
    const second = await step(t, m, [r('bob', 1, 2000, '1001'), r('cat', 3, 700, '1002'), r('dan', 4, 900, '1003')]);
    // cat is named only on a row already stored under bob: must not stay without orders, nor be counted.
    expect(await storedAggregates(t.workspace.id)).toEqual(m.aggregates());
    expect(m.customers.has('cat')).toBe(false);
    await deleteImport(t.workspace.id, second);
    m.delete(second);
    await expectMatchesModel(t, m);
  });
});

describe('later exports that refund more', () => {
  it('refund-only rows by order id: added, raised, lowered, a second refund added; deletions restore in any order', async () => {
    const t = await createTestWorkspace('merge-chain');
    const m = new Model();
    const base = [r('ann', 0, 8000, '#1'), r('ann', 1, 4000, '#2'), r('bob', 2, 500, '#3'), r('bob', 3, 100)];
    const a = await step(t, m, base);
    const b = await step(t, m, [...base, r('ann', 5, -3000, '#1')]);
    const c = await step(t, m, [r('ann', 6, -5000, '#1'), r('zed', 6, -100, '#3'), ...base]);
    const d = await step(t, m, [...base, r('ann', 7, -2000, '#1'), r('ann', 8, -1000, '#1'), r('bob', 9, -500, '#3')]);
    expect(m.aggregates().find((x) => x[0] === 'ann')).toEqual(['ann', 2, 12000, 3000, T0, T0 + DAY]);
    for (const id of [c, a, d, b]) {
      const removed = await deleteImport(t.workspace.id, id);
      expect(removed).not.toBe('not-found');
      m.delete(id);
      await expectMatchesModel(t, m);
    }
    expect(await leftovers(t.workspace.id)).toMatchObject({ orders: 0, customers: 0, revisions: 0, imports: 0 });
  });

  it('deleting the middle of three exports then the last restores the first value', async () => {
    const t = await createTestWorkspace('merge-three');
    const m = new Model();
    await step(t, m, [r('ann', 0, 8000, '#1'), r('ann', 0, -1000, '#1')]);
    const b = await step(t, m, [r('ann', 0, 8000, '#1'), r('ann', 0, -3000, '#1')]);
    const c = await step(t, m, [r('ann', 0, 8000, '#1'), r('ann', 0, -6000, '#1')]);
    for (const id of [b, c]) {
      await deleteImport(t.workspace.id, id);
      m.delete(id);
      await expectMatchesModel(t, m);
    }
    expect(m.aggregates()).toEqual([['ann', 1, 8000, 1000, T0, T0]]);
  });
});

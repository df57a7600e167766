// A chain of three imports that revise the same refund lines, deleted in all six orders — each step
// compared with the reference model (stored lines, aggregates, revisions gone) — once with small
// files and once padded past 1,000 rows (the no-nested-loop plans).
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { createTestWorkspace } from '@/tests/helpers/db';
import {
  expectMatchesModel, importViaJob, leftovers, Model, pickCounts, type Row, toCsv,
} from './reference-model';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const T0 = Date.UTC(2024, 2, 1, 9, 0, 0);
const DAY = 86_400_000;
const r = (c: string, day: number, amount: number, orderId: string | null = null): Row => ({ c, t: T0 + day * DAY, amount, orderId, qty: null });

const PERMUTATIONS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

/** The three exports: each refunds more of #1 and #2 (under other customers too), adds a sale and a refund of the earlier one's sale. */
function chain(pad: number): Row[][] {
  const filler = (tag: string) => Array.from({ length: pad }, (_, i) => r(`f${tag}${i % 50}`, i % 30, 100 + i, `${tag}-${i}`));
  const a = [r('ann', 0, 8000, '#1'), r('ann', 1, -1000, '#1'), r('bob', 0, 5000, '#2'), r('bob', 2, -500, '#2'), r('cy', 3, 700), r('cy', 3, -200)];
  const b = [...a.slice(0, 1), r('ann', 1, -3000, '#1'), a[2]!, r('zed', 2, -900, '#2'), r('dee', 4, 1200, '#B'), r('cy', 3, 700), r('cy', 3, -200)];
  const c = [r('ann', 0, 8000, '#1'), r('ann', 1, -6000, '#1'), r('bob', 2, -1500, '#2'), r('dee', 5, -400, '#B'), r('eve', 6, 300, '#C'), r('ann', 1, -6000, '#1')];
  return [[...a, ...filler('a')], [...b, ...filler('b')], [...c, ...filler('c')]];
}


describe('three revising imports, deleted in every order', () => {
  for (const pad of [0, 1_000]) {
    it.each(PERMUTATIONS)(`pad ${pad}: delete %i, %i, %i`, async (...order) => {
      const t = await createTestWorkspace(`merge-perm-${pad}`);
      const m = new Model();
      const ids: string[] = [];
      for (const rows of chain(pad)) {
        const { importId, preview, committed } = await importViaJob(t, toCsv(rows));
        const expected = m.apply(rows, importId);
        expect(pickCounts(preview)).toEqual(expected);
        expect(pickCounts(committed)).toEqual(expected);
        ids.push(importId);
        await expectMatchesModel(t, m, `after import ${ids.length}`);
      }
      expect(m.revisions.length).toBeGreaterThanOrEqual(4);
      for (const i of order) {
        const removed = await deleteImport(t.workspace.id, ids[i]!);
        expect(removed).not.toBe('not-found');
        m.delete(ids[i]!);
        await expectMatchesModel(t, m, `after deleting ${i}`);
      }
      expect(await leftovers(t.workspace.id)).toMatchObject({ orders: 0, customers: 0, revisions: 0, imports: 0 });
    }, 120_000);
  }

  it('delete the middle, re-import it, delete the first: the line ends as the third set it', async () => {
    const t = await createTestWorkspace('merge-reimport');
    const m = new Model();
    const [a, b, c] = chain(0);
    const ids: string[] = [];
    for (const rows of [a!, b!, c!]) {
      const { importId } = await importViaJob(t, toCsv(rows));
      m.apply(rows, importId);
      ids.push(importId);
    }
    await deleteImport(t.workspace.id, ids[1]!);
    m.delete(ids[1]!);
    await expectMatchesModel(t, m, 'middle deleted');
    const again = await importViaJob(t, toCsv(b!));
    expect(pickCounts(again.committed)).toEqual(m.apply(b!, again.importId));
    await expectMatchesModel(t, m, 'middle re-imported');
    await deleteImport(t.workspace.id, again.importId);
    m.delete(again.importId);
    await expectMatchesModel(t, m, 'middle re-import deleted');
  });
});

import { afterAll, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { createTestWorkspace } from '@/tests/helpers/db';
import { expectMatchesModel, importViaJob, Model, pickCounts, rng, type Row, toCsv } from './reference-model';

afterAll(async () => { await closeJobQueue(); await closeConnection(); });
const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const DAY = 86_400_000;
const SEEDS = Number(process.env.FUZZ_SEEDS ?? 20);

// Random imports, re-imports and deletions (USD) against the reference model; FUZZ_SEEDS, FUZZ_START, FUZZ_STEPS widen it.
it('fuzz', async () => {
  for (let seed = Number(process.env.FUZZ_START ?? 1); seed < Number(process.env.FUZZ_START ?? 1) + SEEDS; seed++) {
    const rand = rng(seed);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const t = await createTestWorkspace('fz');
    const m = new Model();
    const imports: string[] = [];
    const log: string[] = [];
    const pool: Row[] = [];
    for (let i = 0; i < 12; i++) pool.push({ c: pick(['a', 'b', 'c']), t: T0 + pick([0, 1, 2, 3]) * DAY, amount: pick([0, 100, 250, -50, -100, -300]), orderId: pick(['X', 'Y', 'Z', null, null]), qty: null });
    const files: Row[][] = [];
    for (let step = 0; step < Number(process.env.FUZZ_STEPS ?? 7); step++) {
      if (imports.length > 0 && rand() < 0.3) {
        const id = imports.splice(Math.floor(rand() * imports.length), 1)[0]!;
        log.push(`delete ${id}`);
        await deleteImport(t.workspace.id, id);
        m.delete(id);
      } else {
        const n = 1 + Math.floor(rand() * 8);
        const rows = files.length > 0 && rand() < 0.3 ? (rand() < 0.5 ? pick(files) : pick(files).slice(Math.floor(rand() * 3))) : Array.from({ length: n }, () => {
          const r = { ...pick(pool) };
          if (rand() < 0.2) r.amount = pick([0, 100, 250, -50, -100, -300]);
          if (rand() < 0.2) r.c = pick(['a', 'b', 'c']);
          return r;
        });
        if (rows.length === 0) continue;
        files.push(rows);
        const { importId, preview, committed } = await importViaJob(t, toCsv(rows));
        log.push(`import ${importId} ${JSON.stringify(rows.map((r) => [r.c, (r.t - T0) / DAY, r.amount, r.orderId]))}`);
        imports.push(importId);
        const expected = m.apply(rows, importId);
        try {
          expect(pickCounts(preview), 'dry run').toEqual(expected);
          expect(pickCounts(committed), 'commit').toEqual(expected);
        } catch (e) { console.log(`seed ${seed}\n${log.join('\n')}`); throw e; }
      }
      try { await expectMatchesModel(t, m, `seed ${seed} step ${step}`); } catch (e) { console.log(`seed ${seed}\n${log.join('\n')}`); throw e; }
    }
  }
}, 600_000);

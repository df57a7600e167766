import { afterAll, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import type { ImportCheck } from '@/lib/imports/import-check';
import { runImportJob } from '@/lib/imports/run-import-job';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { createTestWorkspace } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';
import { leftovers, Model, pickCounts, rng, type Row, toCsv } from './reference-model';

afterAll(async () => { await closeJobQueue(); await closeConnection(); });
const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const DAY = 86_400_000;
const SEEDS = Number(process.env.FUZZ_SEEDS ?? 20);
const input = (currency: string) => importTransactionsSchema.parse({ delimiter: ',', hasHeader: 'true', customerId: 0, date: 1, amount: 2, orderId: 3, quantity: 4, currency });

// Random USD/EUR/GBP files at random rates (tiny ones round sales to 0) and deletions: counts vs a currency-aware model, dry run = commit, no drift.
it('fuzz currencies', async () => {
  const start = Number(process.env.FUZZ_START ?? 1);
  for (let seed = start; seed < start + SEEDS; seed++) {
    const rand = rng(seed);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const t = await createTestWorkspace('fz2');
    const m = new Model();
    const imports: string[] = [];
    const log: string[] = [];
    const amounts = [0, 1, 100, 250, -1, -50, -100, -300, 99_999_999_999, -99_999_999_999];
    const pool: Row[] = [];
    for (let i = 0; i < 12; i++) pool.push({ c: pick(['a', 'b', 'c', 'd']), t: T0 + pick([0, 1, 2, 3, -400]) * DAY, amount: pick(amounts), orderId: pick(['X', 'Y', 'Z', null, null]), qty: pick([null, 1]) });
    for (let step = 0; step < 7; step++) {
      if (imports.length > 0 && rand() < 0.3) {
        const id = imports.splice(Math.floor(rand() * imports.length), 1)[0]!;
        log.push(`delete ${id}`);
        await deleteImport(t.workspace.id, id);
        m.delete(id);
      } else {
        const n = 1 + Math.floor(rand() * 5);
        const rows = Array.from({ length: n }, () => {
          const r = { ...pick(pool) };
          if (rand() < 0.2) r.amount = pick(amounts);
          if (rand() < 0.2) r.c = pick(['a', 'b', 'c', 'd']);
          return r;
        });
        const cur = pick(['USD', 'EUR', 'GBP']);
        const rate = pick(['1.1', '0.0001', '0.5', '0.000000001']);
        // encode currency into the model's amount so that "changed refund line" compares (original, currency)
        const enc = cur === 'USD' ? 0 : cur === 'EUR' ? 1 : 2;
        const importId = await uploadText(t, toCsv(rows), input(cur));
        await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });
        const checked = await getImport(t.workspace.id, importId);
        if (checked?.status !== 'checked') { log.push(`rejected ${cur} ${checked?.message}`); continue; }
        const preview = (checked.report as ImportCheck).preview!;
        await transitionImport(t.workspace.id, importId, ['checked'], 'importing', cur === 'USD' ? {} : { rates: { [cur]: rate } });
        await runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
        const row = await getImport(t.workspace.id, importId);
        log.push(`import ${cur}@${rate} ${importId} ${JSON.stringify(rows.map((r) => [r.c, (r.t - T0) / DAY, r.amount, r.orderId, r.qty]))} -> ${row?.status} ${row?.message ?? ''}`);
        if (row?.status !== 'completed') continue;
        imports.push(importId);
        const committed = (row.report as ImportCheck).preview!;
        const expected = m.apply(rows, importId, (amount) => amount * 4 + (amount < 0 ? -enc : enc));
        try {
          expect(pickCounts(preview), 'dry run').toEqual(pickCounts(committed));
          expect(pickCounts(committed), 'commit').toEqual(expected);
        } catch (e) { console.log(`seed ${seed}\n${log.join('\n')}`); throw e; }
      }
      const l = await leftovers(t.workspace.id);
      try { expect(l, `seed ${seed} step ${step}`).toMatchObject({ orders_without_customer: 0, orders_without_import: 0, customers_without_orders: 0, drift: 0, revisions: m.revisions.length, orders: m.lines.size, customers: m.customers.size }); } catch (e) { console.log(`seed ${seed}\n${log.join('\n')}`); throw e; }
    }
  }
}, 900_000);

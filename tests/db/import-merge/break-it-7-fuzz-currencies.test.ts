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
import { leftovers, linesOf, Model, type ModelCounts, pickCounts, rng, type Row, toCsv } from './reference-model';

/** Model whose stored amount carries the currency (amount*4+code): a refund line changes when (original, currency) does. */
class CModel extends Model {
  applyCur(rows: Row[], importId: string, enc: number): ModelCounts {
    const self = this as unknown as { nextId: number };
    const counts: ModelCounts = { ordersAdded: 0, refundsAdded: 0, refundsUpdated: 0, rowsAlreadyImported: 0, customersInFile: 0, customersAdded: 0 };
    const fileCustomers = new Set(rows.map((r) => r.c));
    counts.customersInFile = fileCustomers.size;
    const fresh = [...fileCustomers].filter((c) => !this.customers.has(c));
    for (const c of fresh) this.customers.add(c);
    for (const l0 of linesOf(rows)) {
      const l = { ...l0, amount: l0.amount * 4 + (l0.amount < 0 ? -enc : enc) };
      const have = this.lines.get(l.key);
      if (!have) {
        this.lines.set(l.key, { c: l.c, t: l.t, amount: l.amount, importId, id: self.nextId++ });
        if (l0.amount >= 0) counts.ordersAdded++; else counts.refundsAdded++;
      } else if (l0.amount < 0 && have.amount < 0 && have.amount !== l.amount) {
        this.revisions.push({ id: self.nextId++, key: l.key, importId, prev: have.amount });
        have.amount = l.amount;
        counts.refundsUpdated++;
      } else counts.rowsAlreadyImported++;
    }
    const owners = new Set([...this.lines.values()].map((x) => x.c));
    let removed = 0;
    for (const c of fresh) if (!owners.has(c)) { this.customers.delete(c); removed++; }
    counts.customersAdded = fresh.length - removed;
    return counts;
  }
}

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
    const m = new CModel();
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
        const expected = m.applyCur(rows, importId, enc);
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

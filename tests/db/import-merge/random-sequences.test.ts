// Break-it 7: random sequences of imports, re-imports and deletions, each compared after every step
// with the JS reference model (reference-model.ts): the summary counts, dry run = commit, and the
// stored lines, sums and revisions. FUZZ_SEEDS, FUZZ_START and FUZZ_STEPS widen the search.
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
import { expectMatchesModel, importViaJob, leftovers, Model, pickCounts, rng, type Row, type Target, toCsv } from './reference-model';

afterAll(async () => { await closeJobQueue(); await closeConnection(); });
const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const DAY = 86_400_000;
const SEEDS = Number(process.env.FUZZ_SEEDS ?? 20);
const START = Number(process.env.FUZZ_START ?? 1);
const STEPS = Number(process.env.FUZZ_STEPS ?? 7);

interface Sequence { t: Target; m: Model; rand: () => number; pick: <T>(xs: T[]) => T; log: string[] }

/**
 * One random sequence on a fresh workspace: each step deletes a random import (three times in
 * ten, once there is one) or runs `importStep` (which returns the committed import's id, or null),
 * then runs `check`. A failure prints the seed and the steps taken.
 */
async function runSequence(seed: number, importStep: (s: Sequence) => Promise<string | null>, check: (s: Sequence, step: number) => Promise<void>) {
  const rand = rng(seed);
  const s: Sequence = { t: await createTestWorkspace(`fuzz-${seed}`), m: new Model(), rand, pick: (xs) => xs[Math.floor(rand() * xs.length)]!, log: [] };
  const imports: string[] = [];
  try {
    for (let step = 0; step < STEPS; step++) {
      if (imports.length > 0 && rand() < 0.3) {
        const id = imports.splice(Math.floor(rand() * imports.length), 1)[0]!;
        s.log.push(`delete ${id}`);
        await deleteImport(s.t.workspace.id, id);
        s.m.delete(id);
      } else {
        const id = await importStep(s);
        if (id) imports.push(id);
      }
      await check(s, step);
    }
  } catch (error) {
    console.log(`seed ${seed}\n${s.log.join('\n')}`);
    throw error;
  }
}

/** Twelve rows the sequence's files draw from (and sometimes vary), so that files overlap. */
function rowPool(s: Sequence, customers: string[], days: number[], amounts: number[], quantities: (number | null)[]): Row[] {
  return Array.from({ length: 12 }, () => ({
    c: s.pick(customers), t: T0 + s.pick(days) * DAY, amount: s.pick(amounts), orderId: s.pick(['X', 'Y', 'Z', null, null]), qty: s.pick(quantities),
  }));
}

function drawRows(s: Sequence, pool: Row[], max: number, customers: string[], amounts: number[]): Row[] {
  return Array.from({ length: 1 + Math.floor(s.rand() * max) }, () => {
    const r = { ...s.pick(pool) };
    if (s.rand() < 0.2) r.amount = s.pick(amounts);
    if (s.rand() < 0.2) r.c = s.pick(customers);
    return r;
  });
}

it('USD files, exact and partial re-imports, deletions: every step matches the model', async () => {
  const customers = ['a', 'b', 'c'];
  const amounts = [0, 100, 250, -50, -100, -300];
  for (let seed = START; seed < START + SEEDS; seed++) {
    let pool: Row[] | null = null;
    const files: Row[][] = [];
    await runSequence(seed, async (s) => {
      pool ??= rowPool(s, customers, [0, 1, 2, 3], amounts, [null]);
      const rows = files.length > 0 && s.rand() < 0.3
        ? (s.rand() < 0.5 ? s.pick(files) : s.pick(files).slice(Math.floor(s.rand() * 3)))
        : drawRows(s, pool, 8, customers, amounts);
      if (rows.length === 0) return null;
      files.push(rows);
      const { importId, preview, committed } = await importViaJob(s.t, toCsv(rows));
      s.log.push(`import ${importId} ${JSON.stringify(rows.map((r) => [r.c, (r.t - T0) / DAY, r.amount, r.orderId]))}`);
      const expected = s.m.apply(rows, importId);
      expect(pickCounts(preview), 'dry run').toEqual(expected);
      expect(pickCounts(committed), 'commit').toEqual(expected);
      return importId;
    }, (s, step) => expectMatchesModel(s.t, s.m, `seed ${seed} step ${step}`));
  }
}, 600_000);

it('USD, EUR and GBP files at random rates (tiny ones round sales to 0): counts, dry run = commit, no drift', async () => {
  const customers = ['a', 'b', 'c', 'd'];
  const amounts = [0, 1, 100, 250, -1, -50, -100, -300, 99_999_999_999, -99_999_999_999];
  const input = (currency: string) => importTransactionsSchema.parse({ delimiter: ',', hasHeader: 'true', customerId: 0, date: 1, amount: 2, orderId: 3, quantity: 4, currency });
  for (let seed = START; seed < START + SEEDS; seed++) {
    let pool: Row[] | null = null;
    await runSequence(seed, async (s) => {
      pool ??= rowPool(s, customers, [0, 1, 2, 3, -400], amounts, [null, 1]);
      const rows = drawRows(s, pool, 5, customers, amounts);
      const currency = s.pick(['USD', 'EUR', 'GBP']);
      const rate = s.pick(['1.1', '0.0001', '0.5', '0.000000001']);
      const importId = await uploadText(s.t, toCsv(rows), input(currency));
      await runImportJob({ workspaceId: s.t.workspace.id, importId, step: 'check' });
      const checked = await getImport(s.t.workspace.id, importId);
      if (checked?.status !== 'checked') {
        s.log.push(`rejected ${currency} ${checked?.message}`);
        return null;
      }
      const preview = (checked.report as ImportCheck).preview!;
      await transitionImport(s.t.workspace.id, importId, ['checked'], 'importing', currency === 'USD' ? {} : { rates: { [currency]: rate } });
      await runImportJob({ workspaceId: s.t.workspace.id, importId, step: 'commit' });
      const row = await getImport(s.t.workspace.id, importId);
      s.log.push(`import ${currency}@${rate} ${importId} ${JSON.stringify(rows.map((r) => [r.c, (r.t - T0) / DAY, r.amount, r.orderId, r.qty]))} -> ${row?.status} ${row?.message ?? ''}`);
      if (row?.status !== 'completed') return null;
      // The model keeps the currency in the amount (sign kept), so a refund line changes when its (original amount, currency) does.
      const code = currency === 'USD' ? 0 : currency === 'EUR' ? 1 : 2;
      const expected = s.m.apply(rows, importId, (amount) => amount * 4 + (amount < 0 ? -code : code));
      expect(pickCounts(preview), 'dry run').toEqual(pickCounts((row.report as ImportCheck).preview!));
      expect(pickCounts((row.report as ImportCheck).preview!), 'commit').toEqual(expected);
      return importId;
    }, async (s, step) => {
      expect(await leftovers(s.t.workspace.id), `seed ${seed} step ${step}`).toMatchObject({
        orders_without_customer: 0, orders_without_import: 0, customers_without_orders: 0, drift: 0,
        revisions: s.m.revisions.length, orders: s.m.lines.size, customers: s.m.customers.size,
      });
    });
  }
}, 900_000);

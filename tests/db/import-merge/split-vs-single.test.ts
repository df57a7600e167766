// One file of 1,000+ rows (the merge plans without nested loops) against the very same rows split
// into files of fewer than 1,000 (the planner's own plans), rows of one key group (same order id,
// or same fingerprint) kept in one file so the occurrence numbers agree. Every stored line (key,
// customer, amount, currency, quantity, instant), every aggregate, and the summed counts must be
// identical — also for a later overlapping export applied to both.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb, queryRows } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { createTestWorkspace } from '@/tests/helpers/db';
import { importViaJob, leftovers, linesOf, Model, modelLinesAsStored, pickCounts, rng, storedAggregates, storedLines, toCsv, type Row, type Target } from './reference-model';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const T0 = Date.UTC(2022, 5, 1);

/** Sales with and without ids, refund-only rows by id and by fingerprint, exact duplicates, zero rows, ids shared by customers. */
function generate(seed: number, n: number, prefix: string): Row[] {
  const rand = rng(seed);
  const custs = Array.from({ length: Math.max(3, Math.floor(n / 6)) }, (_, i) => (i % 9 === 0 ? `m|${i}` : i % 4 === 0 ? `U${i}@Example.test` : `k${i}`));
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const u = rand();
    const c = pick(custs);
    const t = T0 + Math.floor(rand() * 500) * 86_400_000 + Math.floor(rand() * 3) * 1000;
    const qty = rand() < 0.4 ? null : 1 + Math.floor(rand() * 3);
    if (u < 0.35) rows.push({ c, t, amount: 1 + Math.floor(rand() * 30_000), orderId: `${prefix}${i}`, qty });
    else if (u < 0.55) rows.push({ c, t, amount: 1 + Math.floor(rand() * 300) * 100, orderId: null, qty }); // few distinct amounts: repeated fingerprints
    else if (u < 0.65 && rows.length) rows.push({ ...pick(rows) });
    else if (u < 0.75 && rows.length) {
      const s = pick(rows.filter((x) => x.orderId !== null && x.amount > 0).concat(rows[0]!));
      rows.push({ c: rand() < 0.8 ? s.c : c, t: s.t + 86_400_000, amount: -(1 + Math.floor(rand() * 5_000)), orderId: s.orderId ?? `${prefix}r${i}`, qty: null });
    } else if (u < 0.85) rows.push({ c, t, amount: -(1 + Math.floor(rand() * 50) * 100), orderId: null, qty });
    else if (u < 0.9 && rows.length) {
      const s = pick(rows.filter((x) => x.orderId !== null).concat(rows[0]!));
      rows.push({ c, t, amount: 100 + Math.floor(rand() * 900), orderId: s.orderId ?? `${prefix}s${i}`, qty }); // another line of that id, maybe another customer
    } else rows.push({ c, t, amount: 0, orderId: rand() < 0.5 ? null : `${prefix}z${i}`, qty });
  }
  return rows;
}

/** The group a row's key belongs to (its occurrence number counts within it). */
function groupOf(row: Row): string {
  return linesOf([row])[0]!.key.replace(/:1(:refund)?$/, '');
}

/** Rows split into files of fewer than `max` rows, every group whole and in file order. */
function split(rows: Row[], max: number): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const g = groupOf(row);
    const list = groups.get(g) ?? [];
    list.push(row);
    groups.set(g, list);
  }
  const files: Row[][] = [[]];
  for (const list of groups.values()) {
    if (files.at(-1)!.length + list.length >= max) files.push([]);
    files.at(-1)!.push(...list);
  }
  return files;
}

async function fullLines(t: Target) {
  return queryRows<{ line: string }>(await getDb(), sql`SELECT concat_ws(' ', o.external_key, c.external_id, o.amount_minor, o.original_amount_minor,
      o.currency, coalesce(o.quantity::text, '-'), coalesce(o.external_order_id, '-'), (extract(epoch FROM o.occurred_at) * 1000)::bigint) AS line
    FROM orders o JOIN customers c ON c.workspace_id = o.workspace_id AND c.id = o.customer_id
    WHERE o.workspace_id = ${t.workspace.id}`).then((rows) => rows.map((r) => r.line).sort());
}

const sum = (xs: ReturnType<typeof pickCounts>[]) => xs.reduce((a, b) => ({
  ordersAdded: a.ordersAdded + b.ordersAdded, refundsAdded: a.refundsAdded + b.refundsAdded, refundsUpdated: a.refundsUpdated + b.refundsUpdated,
  rowsAlreadyImported: a.rowsAlreadyImported + b.rowsAlreadyImported, customersInFile: 0, customersAdded: a.customersAdded + b.customersAdded,
}));

describe('one large file vs the same rows in small files', () => {
  it.each([3, 4, 5])('seed %i: 2,500 rows', async (seed) => {
    const rows = generate(seed, 2_500, `S${seed}-`);
    const files = split(rows, 1_000);
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) expect(f.length).toBeLessThan(1_000);

    const one = await createTestWorkspace('merge-single');
    const many = await createTestWorkspace('merge-split');
    const m = new Model();
    const single = await importViaJob(one, toCsv(rows));
    const expected = m.apply(rows, single.importId);
    expect(pickCounts(single.preview)).toEqual(expected);
    expect(pickCounts(single.committed)).toEqual(expected);
    expect(single.committed).toEqual(single.preview);
    const parts = [];
    for (const f of files) {
      const part = await importViaJob(many, toCsv(f));
      expect(part.committed).toEqual(part.preview);
      parts.push(pickCounts(part.committed));
    }
    expect({ ...sum(parts), customersInFile: 0 }).toEqual({ ...pickCounts(single.committed), customersInFile: 0 });
    expect(await fullLines(many)).toEqual(await fullLines(one));
    expect(await storedLines(one.workspace.id)).toEqual(modelLinesAsStored(m));
    expect(await storedAggregates(many.workspace.id)).toEqual(await storedAggregates(one.workspace.id));
    expect(await storedAggregates(one.workspace.id)).toEqual(m.aggregates());

    // A later overlapping export (the second half again, with raised refunds and 300 new rows) on both.
    const later = [...rows.slice(1_250).map((r) => (r.amount < 0 && r.orderId !== null ? { ...r, amount: r.amount - 77 } : r)), ...generate(seed + 100, 300, `L${seed}-`)];
    const a = await importViaJob(one, toCsv(later));
    const b = await importViaJob(many, toCsv(later));
    const expectedLater = m.apply(later, a.importId);
    expect(pickCounts(a.committed)).toEqual(expectedLater);
    expect(pickCounts(a.preview)).toEqual(expectedLater);
    expect(pickCounts(b.committed)).toEqual(expectedLater);
    expect(pickCounts(b.preview)).toEqual(expectedLater);
    expect(await fullLines(many)).toEqual(await fullLines(one));
    expect(await storedAggregates(one.workspace.id)).toEqual(m.aggregates());
    expect(await storedAggregates(many.workspace.id)).toEqual(m.aggregates());

    // Deleting the later export restores both; deleting the large file empties `one` to nothing.
    await deleteImport(one.workspace.id, a.importId);
    await deleteImport(many.workspace.id, b.importId);
    m.delete(a.importId);
    expect(await fullLines(many)).toEqual(await fullLines(one));
    expect(await storedAggregates(one.workspace.id)).toEqual(m.aggregates());
    await deleteImport(one.workspace.id, single.importId);
    expect(await leftovers(one.workspace.id)).toMatchObject({ orders: 0, customers: 0, revisions: 0, drift: 0 });
    expect(await leftovers(many.workspace.id)).toMatchObject({ drift: 0, customers_without_orders: 0, orders_without_import: 0 });
  }, 240_000);
});

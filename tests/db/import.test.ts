import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { listPeriodAggregates } from '@/db/queries/metrics';
import { ImportRejectedError } from '@/db/queries/imports';
import { customers, imports, orders } from '@/db/schema';
import { describeRowError } from '@/lib/imports/row-error';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { bytesOf, createTestWorkspace, importText, SIMPLE_CSV_INPUT, TEST_AS_OF } from '@/tests/helpers/db';

afterAll(closeConnection);

async function counts(workspaceId: string) {
  const db = await getDb();
  const n = async (table: typeof customers | typeof orders | typeof imports) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.workspaceId, workspaceId)))[0]!.n;
  return { customers: await n(customers), orders: await n(orders), imports: await n(imports) };
}

async function expectRejected(promise: Promise<unknown>): Promise<ImportRejectedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRejectedError);
  return error as ImportRejectedError;
}

/** `n` valid rows: customer c<i mod 37>, one day apart from 2024-01-01, $1.00 + i cents. */
function generatedCsv(n: number, corrupt?: { row: number; amount: string }) {
  const lines = ['customer_id,date,amount'];
  for (let i = 1; i <= n; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`c${i % 37},${day},${corrupt?.row === i ? corrupt.amount : (1 + i / 100).toFixed(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('CDNOW_master through the upload path', () => {
  const cdnow = readFileSync('data/CDNOW_master.txt', 'utf8');
  const input = importTransactionsSchema.parse({
    delimiter: 'whitespace', hasHeader: true, customerId: 0, date: 1, quantity: 2, amount: 3, dateFormat: 'YYYYMMDD', currency: 'USD',
  });
  let target: Awaited<ReturnType<typeof createTestWorkspace>>;

  beforeAll(async () => {
    target = await createTestWorkspace('cdnow');
  });

  it('imports every row, keeping identical rows as separate purchases', async () => {
    // 215 (customer, date, CDs, dollars) rows occur more than once — 255 extra rows in all (counted
    // with sort | uniq -c); each occurrence is a purchase of its own.
    const dataRows = cdnow.trim().split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/).join(' '));
    const occurrences = new Map<string, number>();
    for (const r of dataRows) occurrences.set(r, (occurrences.get(r) ?? 0) + 1);
    expect([...occurrences.values()].filter((n) => n > 1).length).toBe(215);
    expect(dataRows.length - occurrences.size).toBe(255);

    const summary = await importText(target, cdnow, input, 'CDNOW_master.txt');
    expect(summary).toMatchObject({
      rowsRead: 69_659, ordersAdded: 69_659, refundsAdded: 0, rowsAlreadyImported: 0,
      customersInFile: 23_570, customersAdded: 23_570, netTotalMinor: 250_031_563,
    });
  });

  it('gives the totals of the dataset README (all time and Q1 1997)', async () => {
    const [all] = await listPeriodAggregates(target.workspace, 'all');
    expect(all).toMatchObject({ orders: 69_659, revenueMinor: 250_031_563, refundsMinor: 0, activeCustomers: 23_570 });
    const q1 = (await listPeriodAggregates(target.workspace, 'quarter')).find((p) => p.key === '1997-Q1');
    expect(q1).toMatchObject({ orders: 31_798, revenueMinor: 107_180_547, activeCustomers: 23_570 });
  });

  it('adds nothing when the same file is uploaded again', async () => {
    const before = await counts(target.workspace.id);
    const again = await importText(target, cdnow, input, 'CDNOW_master.txt');
    expect(again).toMatchObject({ ordersAdded: 0, refundsAdded: 0, rowsAlreadyImported: 69_659, customersAdded: 0 });
    const after = await counts(target.workspace.id);
    expect(after).toEqual({ ...before, imports: before.imports + 1 });
  });
});

describe('a file with a bad row writes nothing', () => {
  it('names row 517 of a 1,000-row file and leaves the workspace unchanged', async () => {
    const target = await createTestWorkspace('bad-row');
    const error = await expectRejected(importText(target, generatedCsv(1000, { row: 517, amount: '12.3x' })));
    expect(error.report.errorCount).toBe(1);
    expect(error.report.rowsRead).toBe(1000);
    expect(error.report.errors[0]).toEqual({ row: 517, column: 'amount', value: '12.3x', message: 'is not a number' });
    expect(describeRowError(error.report.errors[0]!, true)).toBe('Row 517 (line 518), column "amount": "12.3x" is not a number.');
    expect(await counts(target.workspace.id)).toEqual({ customers: 0, orders: 0, imports: 0 });
  });

  it.each([
    ['an empty file', '', 'The file has no data rows.'],
    ['a header only', 'customer_id,date,amount\n', 'The file has no data rows.'],
    ['a short row', 'customer_id,date,amount\nc1,2024-01-01,5.00\nc2,2024-01-02\n', '1 of 2 rows are invalid, so nothing was imported.'],
    ['an impossible date', 'customer_id,date,amount\nc1,2024-02-30,5.00\n', '1 of 1 rows are invalid, so nothing was imported.'],
    ['a blank customer', 'customer_id,date,amount\n ,2024-02-03,5.00\n', '1 of 1 rows are invalid, so nothing was imported.'],
  ])('rejects %s', async (_label, text, message) => {
    const target = await createTestWorkspace('reject');
    const error = await expectRejected(importText(target, text));
    expect(error.message).toBe(message);
    expect(await counts(target.workspace.id)).toEqual({ customers: 0, orders: 0, imports: 0 });
  });

  it('rejects a NUL byte as not text instead of failing in COPY (break-it test: a 500)', async () => {
    const target = await createTestWorkspace('nul');
    const error = await expectRejected(importText(target, 'customer_id,date,amount\nn\u00001,2024-01-01,5.00\n'));
    expect(error.message).toMatch(/binary, not text/);
    expect(await counts(target.workspace.id)).toEqual({ customers: 0, orders: 0, imports: 0 });
  });

  it('quotes at most 80 characters of a rejected value', async () => {
    const target = await createTestWorkspace('long-value');
    const error = await expectRejected(importText(target, `customer_id,date,amount\n${'x'.repeat(500)},2024-01-01,5.00\n`));
    expect(error.report.errors[0]).toMatchObject({ row: 1, column: 'customer_id', value: `${'x'.repeat(80)}…`, message: 'is longer than 200 characters' });
  });

  it('rejects bytes that are not UTF-8 text', async () => {
    const target = await createTestWorkspace('binary');
    const { importFile } = await import('@/db/queries/import-file');
    const error = await expectRejected(importFile({
      workspaceId: target.workspace.id, userId: target.user.id, timeZone: 'UTC', fileName: 'x.bin', input: SIMPLE_CSV_INPUT,
      openBytes: () => bytesOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x81, 0xc3, 0x28])), asOf: TEST_AS_OF,
    }));
    expect(error.message).toMatch(/binary, not text/);
    expect(await counts(target.workspace.id)).toEqual({ customers: 0, orders: 0, imports: 0 });
  });
});

describe('refunds, order ids and aggregates', () => {
  it('stores refunds as negative lines and nets them out per customer', async () => {
    const target = await createTestWorkspace('refunds');
    const input = importTransactionsSchema.parse({ delimiter: ',', hasHeader: true, orderId: 0, customerId: 1, date: 2, amount: 3, quantity: 4, currency: 'USD' });
    // Hand calculation: alice orders 20.00 + 35.50 + 10.00 = 65.50, refund 5.50 → net 60.00,
    // AOV 65.50 / 3; bob orders 12.00 → net 12.00. Order A-1 has two line items (kept both).
    const csv = 'order_id,customer,date,amount,qty\nA-1,alice,2024-01-05,20.00,1\nA-1,alice,2024-01-05,35.50,2\nA-2,alice,2024-03-01,10.00,1\nA-2,alice,2024-03-04,-5.50,\nB-1,bob,2024-02-01,12.00,1\n';
    const first = await importText(target, csv, input);
    expect(first).toMatchObject({ rowsRead: 5, ordersAdded: 4, refundsAdded: 1, customersAdded: 2, netTotalMinor: 7200 });
    expect(await importText(target, csv, input)).toMatchObject({ ordersAdded: 0, refundsAdded: 0, rowsAlreadyImported: 5 });

    const db = await getDb();
    const rows = await db.select().from(customers).where(eq(customers.workspaceId, target.workspace.id)).orderBy(customers.externalId);
    expect(rows.map((c) => [c.externalId, c.orderCount, c.revenueMinor, c.refundsMinor])).toEqual([
      ['alice', 3, 6550, 550],
      ['bob', 1, 1200, 0],
    ]);
    // The last order is the last purchase (2024-03-01), not the later refund on 2024-03-04.
    expect(rows[0]!.lastOrderAt?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    const [all] = await listPeriodAggregates(target.workspace, 'all');
    expect(all).toMatchObject({ orders: 4, revenueMinor: 7750, refundsMinor: 550, activeCustomers: 2, repeatCustomers: 1 });
  });

  it('keeps every customer total right when two imports into existing customers run at once', async () => {
    // Found by the break-it test: without a per-workspace lock the later aggregate refresh wrote
    // totals from a snapshot that missed the other import's orders. 400 existing customers, then two
    // files at once with 3 × $1.00 and 3 × $2.00 each: every customer ends with 7 orders and $9.50.
    const target = await createTestWorkspace('concurrent');
    const customersCsv = (n: number, day: string, amount: string) =>
      ['customer_id,date,amount', ...Array.from({ length: n }, (_, i) => `k${i % 400},${day}-${String(1 + Math.floor(i / 400)).padStart(2, '0')},${amount}`)].join('\n');
    await importText(target, customersCsv(400, '2023-12', '0.50'));
    await Promise.all([importText(target, customersCsv(1200, '2024-01', '1.00')), importText(target, customersCsv(1200, '2024-02', '2.00'))]);
    const db = await getDb();
    const [totals] = await db
      .select({
        orders: sql<number>`sum(order_count)::int`, revenue: sql<number>`sum(revenue_minor)::int`,
        wrong: sql<number>`count(*) FILTER (WHERE order_count <> 7 OR revenue_minor <> 950)::int`,
      })
      .from(customers).where(eq(customers.workspaceId, target.workspace.id));
    expect(totals).toEqual({ orders: 2800, revenue: 380_000, wrong: 0 });
  });

  it('creates no customer whose only row was already stored under its order id (second break-it test)', async () => {
    const target = await createTestWorkspace('dup-order-id');
    const input = importTransactionsSchema.parse({ delimiter: ',', hasHeader: true, customerId: 0, date: 1, amount: 2, orderId: 3, currency: 'USD' });
    await importText(target, 'customer,date,amount,order\ncarol,2020-01-01,10.00,DUP1\n', input);
    const later = await importText(target, 'customer,date,amount,order\ndave,2020-05-01,99.00,DUP1\n', input);
    expect(later).toMatchObject({ ordersAdded: 0, customersAdded: 0, rowsAlreadyImported: 1 });
    expect((await counts(target.workspace.id)).customers).toBe(1);
  });

  it('adds only the new rows of an overlapping later export', async () => {
    const target = await createTestWorkspace('overlap');
    await importText(target, generatedCsv(100));
    const later = await importText(target, generatedCsv(150));
    expect(later).toMatchObject({ rowsRead: 150, ordersAdded: 50, rowsAlreadyImported: 100 });
    expect((await counts(target.workspace.id)).orders).toBe(150);
  });
});

// Every preset's fixture through the real upload path (PGlite, or PostgreSQL with DATABASE_URL).
// Expected numbers are the hand calculations in tests/unit/imports/presets.test.ts, restated here
// as stored lines: a sale line per counted order, a refund line per order with a refund.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { deleteImport } from '@/db/queries/delete-import';
import { listPeriodAggregates } from '@/db/queries/metrics';
import { customers, imports } from '@/db/schema';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { createTestWorkspace, importText } from '@/tests/helpers/db';

afterAll(closeConnection);

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/imports/${name}`));
const presetInput = (currency: string) => importTransactionsSchema.parse({ hasHeader: 'true', currency });

async function customerRows(workspaceId: string) {
  const db = await getDb();
  const rows = await db.select().from(customers).where(eq(customers.workspaceId, workspaceId));
  // Sorted here, not in SQL: the database's collation would decide where "müller" goes.
  return rows.map((c) => [c.externalId, c.orderCount, c.revenueMinor, c.refundsMinor]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe.each([
  // file, currency, summary, all-time aggregates (orders = sale lines, revenue = their sum, refunds)
  ['shopify-orders.csv', 'USD', { rowsRead: 16, ordersAdded: 6, refundsAdded: 2, customersInFile: 3, netTotalMinor: 137_400, currency: 'USD' }, { orders: 6, revenueMinor: 142_900, refundsMinor: 5_500, activeCustomers: 3 }],
  ['stripe-unified-payments.csv', 'USD', { rowsRead: 12, ordersAdded: 6, refundsAdded: 2, customersInFile: 4, netTotalMinor: 117_399, currency: 'USD' }, { orders: 6, revenueMinor: 129_299, refundsMinor: 11_900, activeCustomers: 4 }],
  ['woocommerce-order-export.csv', 'USD', { rowsRead: 12, ordersAdded: 5, refundsAdded: 2, customersInFile: 3, netTotalMinor: 132_700, currency: 'USD' }, { orders: 5, revenueMinor: 136_200, refundsMinor: 3_500, activeCustomers: 3 }],
  ['woocommerce-advanced-order-export.csv', 'EUR', { rowsRead: 8, ordersAdded: 4, refundsAdded: 2, customersInFile: 2, netTotalMinor: 129_190, currency: 'EUR' }, { orders: 4, revenueMinor: 131_430, refundsMinor: 2_240, activeCustomers: 2 }],
  // Each file goes into a workspace that reports in its currency (another currency needs a rate,
  // see tests/db/currency-imports.test.ts). Online Retail is always GBP.
  ['online-retail-i.csv', 'GBP', { rowsRead: 20, ordersAdded: 6, refundsAdded: 1, customersInFile: 3, netTotalMinor: 10_650, currency: 'GBP' }, { orders: 6, revenueMinor: 11_520, refundsMinor: 870, activeCustomers: 3 }],
  ['online-retail-ii.csv', 'GBP', { rowsRead: 9, ordersAdded: 4, refundsAdded: 1, customersInFile: 3, netTotalMinor: 21_525, currency: 'GBP' }, { orders: 4, revenueMinor: 22_035, refundsMinor: 510, activeCustomers: 3 }],
  ['cdnow-sample.txt', 'USD', { rowsRead: 10, ordersAdded: 10, refundsAdded: 0, customersInFile: 5, netTotalMinor: 25_713, currency: 'USD' }, { orders: 10, revenueMinor: 25_713, refundsMinor: 0, activeCustomers: 5 }],
] as const)('%s', (file, currency, summary, aggregates) => {
  it('imports the exact orders, refunds, customers and totals, and adds nothing a second time', async () => {
    const target = await createTestWorkspace('preset', currency);
    expect(await importText(target, fixture(file), presetInput(currency), file)).toMatchObject({ ...summary, refundsUpdated: 0, rowsAlreadyImported: 0 });
    const [all] = await listPeriodAggregates(target.workspace, 'all');
    expect(all).toMatchObject(aggregates);
    const again = await importText(target, fixture(file), presetInput(currency), file);
    const lines = summary.ordersAdded + summary.refundsAdded;
    expect(again).toMatchObject({ ordersAdded: 0, refundsAdded: 0, refundsUpdated: 0, rowsAlreadyImported: lines });
    expect(again.report?.reimportedOrders).toBe(lines);
  });
});

describe('per-customer results', () => {
  it('Shopify: ana 54 + 80 + 1250 with 30 refunded; ben 20 + 25 with 25 refunded; eve one free order', async () => {
    const target = await createTestWorkspace('shopify');
    await importText(target, fixture('shopify-orders.csv'), presetInput('USD'));
    expect(await customerRows(target.workspace.id)).toEqual([
      ['ana@example.test', 3, 138_400, 3_000],
      ['ben@example.test', 2, 4_500, 2_500],
      ['eve@example.test', 1, 0, 0],
    ]);
  });

  it('a later Shopify export that refunds more of #1003 updates its refund line; the new order is added', async () => {
    const target = await createTestWorkspace('shopify-later');
    await importText(target, fixture('shopify-orders.csv'), presetInput('USD'));
    const later = await importText(target, fixture('shopify-orders-later.csv'), presetInput('USD'));
    // #1003: sale line unchanged (already imported), refund 30.00 → 50.00 (updated); #1012 new.
    expect(later).toMatchObject({ rowsRead: 4, ordersAdded: 1, refundsAdded: 0, refundsUpdated: 1, rowsAlreadyImported: 1 });
    expect(await customerRows(target.workspace.id)).toEqual([
      ['ana@example.test', 3, 138_400, 5_000],
      ['ben@example.test', 2, 4_500, 2_500],
      ['eve@example.test', 2, 1_800, 0],
    ]);
  });

  it('deleting the later export puts #1003 back to its 30.00 refund (third break-it test), also through a chain of exports', async () => {
    const target = await createTestWorkspace('shopify-undo');
    await importText(target, fixture('shopify-orders.csv'), presetInput('USD'));
    const later = await importText(target, fixture('shopify-orders-later.csv'), presetInput('USD'));
    // A third export refunds 70.00 of #1003 (hand-written, the later file's layout).
    const latest = await importText(target, new TextEncoder().encode(
      'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Cancelled at,Refunded Amount\n'
      + '#1003,ana@example.test,partially_refunded,USD,80.00,2024-02-10 18:45:00 -0500,1,Bread tin,,70.00\n'), presetInput('USD'));
    expect(latest).toMatchObject({ ordersAdded: 0, refundsAdded: 0, refundsUpdated: 1, rowsAlreadyImported: 1 });
    const ana = async () => (await customerRows(target.workspace.id)).find((c) => c[0] === 'ana@example.test');
    expect(await ana()).toEqual(['ana@example.test', 3, 138_400, 7_000]);

    // The middle export goes: the line keeps the latest 70.00; #1012 (eve's second order) goes with it.
    expect(await deleteImport(target.workspace.id, later.importId))
      .toEqual({ fileName: 'test.csv', status: 'completed', ordersRemoved: 1, refundsRemoved: 0, refundsRestored: 0, customersRemoved: 0 });
    expect(await ana()).toEqual(['ana@example.test', 3, 138_400, 7_000]);
    // The latest goes too: back to the first export's 30.00, and the totals of that export alone.
    expect(await deleteImport(target.workspace.id, latest.importId)).toMatchObject({ ordersRemoved: 0, refundsRemoved: 0, refundsRestored: 1 });
    expect(await customerRows(target.workspace.id)).toEqual([
      ['ana@example.test', 3, 138_400, 3_000],
      ['ben@example.test', 2, 4_500, 2_500],
      ['eve@example.test', 1, 0, 0],
    ]);
    const [all] = await listPeriodAggregates(target.workspace, 'all');
    expect(all).toMatchObject({ orders: 6, revenueMinor: 142_900, refundsMinor: 5_500 });
  });

  it('generic: semicolons, day-first dates, decimal commas and refunds against order ids', async () => {
    const target = await createTestWorkspace('generic', 'EUR');
    const input = importTransactionsSchema.parse({ hasHeader: 'true', currency: 'EUR', customerId: 0, date: 1, amount: 2, orderId: 3, quantity: 4 });
    const summary = await importText(target, fixture('generic-semicolon.csv'), input);
    // Sales 12.50 + 1234.56 + 0 + 99.99 = 1347.05; refunds 5.00 + 20.00; net 1322.05.
    expect(summary).toMatchObject({ rowsRead: 6, ordersAdded: 4, refundsAdded: 2, customersInFile: 3, netTotalMinor: 132_205, currency: 'EUR' });
    expect(await customerRows(target.workspace.id)).toEqual([
      ['Schmidt, Anna', 1, 123_456, 2_000],
      ['müller', 1, 1_250, 500],
      ['weber', 2, 9_999, 0],
    ]);
  });

  it('keeps the preset and the data-quality report with the import', async () => {
    const target = await createTestWorkspace('report');
    await importText(target, fixture('stripe-unified-payments.csv'), presetInput('USD'));
    const db = await getDb();
    const [row] = await db.select().from(imports).where(eq(imports.workspaceId, target.workspace.id));
    const options = row!.options as { preset: string; report: { rowsExcluded: number; excluded: Record<string, unknown> } };
    expect(options.preset).toBe('stripe');
    expect(options.report.rowsExcluded).toBe(6);
    expect(options.report.excluded['test mode']).toEqual({ count: 1, exampleRows: [9] });
  });
});

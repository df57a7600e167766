// Files in other currencies than the workspace's reporting currency, through the real upload path
// (importFile: read, stage, merge in one transaction). Every expected number is worked out below
// by hand: converted_minor = round(original_minor × rate × 10^(digits(reporting) − digits(original))),
// half away from zero, each sale and each refund on its own.
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { ImportRejectedError } from '@/db/queries/imports';
import { listPeriodAggregates } from '@/db/queries/metrics';
import { customers, imports, orders } from '@/db/schema';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { createTestWorkspace, importText } from '@/tests/helpers/db';

afterAll(closeConnection);

const STRIPE = new Uint8Array(readFileSync('tests/fixtures/imports/stripe-two-currencies.csv'));
const stripeInput = importTransactionsSchema.parse({ hasHeader: 'true', currency: 'USD' });
const genericInput = (currency: string) => importTransactionsSchema.parse({ hasHeader: 'true', currency, customerId: 0, date: 1, amount: 2 });
const csv = (...rows: string[]) => `customer,date,amount\n${rows.join('\n')}\n`;

/**
 * stripe-two-currencies.csv at 1 EUR = 1.085 USD (USD 2 digits, EUR 2: factor 1.085). Row 9 is a
 * failed charge and is left out.
 *   USD  ch_1 49.00; ch_2 20.00 with 5.00 refunded            net 64.00 → 64.00
 *   EUR  ch_3 10.00 → 1085       ch_4 1.00 → 108.5 → 109 (half away from zero)
 *        ch_5 50.00 → 5425, refunded 12.34 → 1338.89 → 1339   ch_6 25.99 → 2819.915 → 2820
 *        ch_7 0.30 → 32.55 → 33  ch_8 1.00 → 109, refunded 1.00 → 109
 *        original: sales 88.29, refunds 13.34, net 74.95
 *        converted: sales 1085+109+5425+2820+33+109 = 9581, refunds 1339+109 = 1448, net 8133
 *        (converting the total instead, 7495 × 1.085 = 8132.075, would give 81.32: rows are rounded one by one)
 *   grand total 6400 + 8133 = 14533; lines: 8 sales + 3 refunds = 11; customers cus_Mc0001–0003.
 */
const STRIPE_AT_1_085 = {
  summary: {
    rowsRead: 9, ordersAdded: 8, refundsAdded: 3, refundsUpdated: 0, rowsAlreadyImported: 0, customersInFile: 3, customersAdded: 3,
    netTotalMinor: 14_533, currency: 'USD',
    currencies: [
      { currency: 'EUR', originalNetMinor: 7_495, rate: '1.085', convertedNetMinor: 8_133 },
      { currency: 'USD', originalNetMinor: 6_400, rate: '1', convertedNetMinor: 6_400 },
    ],
  },
  // [customer, orders, revenue, refunds] in USD cents: Fay 4900 + 2000 + 33 (EUR 0.30), 500 refunded;
  // Gus 1085 + 109 + 109, 109 refunded; Hal 5425 + 2820, 1339 refunded.
  customers: [['cus_Mc0001', 3, 6_933, 500], ['cus_Mc0002', 3, 1_303, 109], ['cus_Mc0003', 2, 8_245, 1_339]],
};

async function customerRows(workspaceId: string) {
  const db = await getDb();
  const rows = await db.select().from(customers).where(eq(customers.workspaceId, workspaceId));
  return rows.map((c) => [c.externalId, c.orderCount, c.revenueMinor, c.refundsMinor]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** [order id, amount in the reporting currency, amount as in the file, its currency], by order id then amount. */
async function orderLines(workspaceId: string) {
  const db = await getDb();
  const rows = await db.select().from(orders).where(eq(orders.workspaceId, workspaceId));
  return rows.map((o) => [o.externalOrderId, o.amountMinor, o.originalAmountMinor, o.currency])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(b[1]) - Number(a[1]));
}

describe('a Stripe export in USD and EUR into a USD workspace', () => {
  it('converts each row at the given rate and keeps every original amount and currency', async () => {
    const t = await createTestWorkspace('fx-stripe');
    const summary = await importText(t, STRIPE, stripeInput, 'two.csv', { EUR: '1.085' });
    expect(summary).toMatchObject(STRIPE_AT_1_085.summary);
    expect(await customerRows(t.workspace.id)).toEqual(STRIPE_AT_1_085.customers);
    const [all] = await listPeriodAggregates(t.workspace, 'all');
    expect(all).toMatchObject({ orders: 8, revenueMinor: 16_481, refundsMinor: 1_948 });
    expect(await orderLines(t.workspace.id)).toEqual([
      ['ch_3Mc0001', 4_900, 4_900, 'USD'],
      ['ch_3Mc0002', 2_000, 2_000, 'USD'], ['ch_3Mc0002', -500, -500, 'USD'],
      ['ch_3Mc0003', 1_085, 1_000, 'EUR'],
      ['ch_3Mc0004', 109, 100, 'EUR'],
      ['ch_3Mc0005', 5_425, 5_000, 'EUR'], ['ch_3Mc0005', -1_339, -1_234, 'EUR'],
      ['ch_3Mc0006', 2_820, 2_599, 'EUR'],
      ['ch_3Mc0007', 33, 30, 'EUR'],
      ['ch_3Mc0008', 109, 100, 'EUR'], ['ch_3Mc0008', -109, -100, 'EUR'],
    ]);
    const db = await getDb();
    const [row] = await db.select().from(imports).where(eq(imports.workspaceId, t.workspace.id));
    expect(row).toMatchObject({ rates: { EUR: '1.085' }, currencyTotals: STRIPE_AT_1_085.summary.currencies, netTotalMinor: 14_533, currency: 'USD' });
  });

  it('refuses the file without a rate for EUR and writes nothing', async () => {
    const t = await createTestWorkspace('fx-missing');
    const error = await importText(t, STRIPE, stripeInput, 'two.csv', { GBP: '1.27' }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as Error).message).toBe('The file has amounts in EUR; this workspace reports in USD. Enter a rate for it (1 EUR = ? USD) to import it.');
    const db = await getDb();
    const n = async (table: typeof customers | typeof orders | typeof imports) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.workspaceId, t.workspace.id)))[0]!.n;
    expect([await n(customers), await n(orders), await n(imports)]).toEqual([0, 0, 0]);
  });

  it('adds nothing when the same file comes again at another rate', async () => {
    const t = await createTestWorkspace('fx-again');
    await importText(t, STRIPE, stripeInput, 'two.csv', { EUR: '1.085' });
    const again = await importText(t, STRIPE, stripeInput, 'two.csv', { EUR: '1.2' });
    // The second import describes its file at its own rate: EUR 1000→1200, 100→120, 5000→6000,
    // 1234→1480.8→1481 refunded, 2599→3118.8→3119, 30→36, 100→120 and 120 refunded:
    // 10595 − 1601 = 8994; + 6400 = 15394. The orders stay those of the first import.
    expect(again).toMatchObject({ ordersAdded: 0, refundsAdded: 0, refundsUpdated: 0, rowsAlreadyImported: 11, netTotalMinor: 15_394 });
    expect(await customerRows(t.workspace.id)).toEqual(STRIPE_AT_1_085.customers);
  });

  it('a later export refunding more of an old EUR charge updates its refund line at the later rate', async () => {
    const t = await createTestWorkspace('fx-later');
    await importText(t, STRIPE, stripeInput, 'two.csv', { EUR: '1.085' });
    const header = new TextDecoder().decode(STRIPE).split('\n')[0];
    const later = `${header}\nch_3Mc0005,2024-02-01 09:00:00,50.00,20.00,eur,true,54.50,21.80,1.88,usd,Live,Partially Refunded,WORTHWISE,cus_Mc0003,Hal,hal@example.test,card_13,\n`;
    const summary = await importText(t, later, stripeInput, 'later.csv', { EUR: '1.1' });
    // Sale line unchanged (5425 at 1.085); refund 12.34 → 20.00 EUR, converted at 1.1: 2000 × 1.1 = 2200.
    expect(summary).toMatchObject({ ordersAdded: 0, refundsAdded: 0, refundsUpdated: 1, rowsAlreadyImported: 1 });
    expect((await orderLines(t.workspace.id)).filter((l) => l[0] === 'ch_3Mc0005')).toEqual([
      ['ch_3Mc0005', 5_425, 5_000, 'EUR'], ['ch_3Mc0005', -2_200, -2_000, 'EUR'],
    ]);
    expect((await customerRows(t.workspace.id))[2]).toEqual(['cus_Mc0003', 2, 8_245, 2_200]);
  });

  it('refuses a rate that would make an amount larger than one row may hold', async () => {
    const t = await createTestWorkspace('fx-range');
    // 50.00 EUR × 999,999,999,999 = 4,999,999,999,995,000 cents, over the 10^11 cents a row may hold.
    const error = await importText(t, STRIPE, stripeInput, 'two.csv', { EUR: '999999999999' }).then(() => null, (e: unknown) => e);
    expect((error as Error).message).toMatch(/^At 1 EUR = 999999999999 USD, an amount of the file would be more than 1,000,000,000 USD, the most one row may hold\. Check the rate\.$/);
  });
});

describe('minor units of different sizes (JPY 0 digits, USD 2, KWD 3)', () => {
  it.each([
    // JPY → USD at 0.0067: factor 0.0067 × 10^(2−0) = 0.67. ¥1500 → 1005; ¥199 → 133.33 → 133;
    // ¥50 → 33.5 → 34 and its refund −34. Original ¥1699, converted 1005 + 133 + 34 − 34 = 1138.
    ['JPY into USD', 'USD', 'JPY', '0.0067', csv('a,2024-01-01,1500', 'a,2024-01-02,199', 'b,2024-01-03,50', 'b,2024-01-04,-50'),
      [1_005, 133, 34, -34], { originalNetMinor: 1_699, convertedNetMinor: 1_138 }],
    // USD → KWD at 0.307: factor 0.307 × 10^(3−2) = 3.07. $10.00 → 3070 fils; $0.50 → 153.5 → 154
    // and its refund −154; $0.05 → 15.35 → 15. Original 1005 cents, converted 3070 + 154 − 154 + 15 = 3085.
    ['USD into KWD', 'KWD', 'USD', '0.307', csv('k,2024-01-01,10.00', 'k,2024-01-02,0.50', 'm,2024-01-03,-0.50', 'm,2024-01-04,0.05'),
      [3_070, 154, -154, 15], { originalNetMinor: 1_005, convertedNetMinor: 3_085 }],
    // KWD → JPY at 480.5: factor 480.5 × 10^(0−3) = 0.4805. KWD 1.234 → 592.937 → ¥593; KWD 0.001 → 0.4805 → ¥0.
    ['KWD into JPY', 'JPY', 'KWD', '480.5', csv('p,2024-01-01,1.234', 'p,2024-01-02,0.001'),
      [593, 0], { originalNetMinor: 1_235, convertedNetMinor: 593 }],
  ] as const)('%s', async (_label, reporting, fileCurrency, rate, file, amounts, total) => {
    const t = await createTestWorkspace('fx-digits', reporting);
    const summary = await importText(t, file, genericInput(fileCurrency), 'fx.csv', { [fileCurrency]: rate });
    expect(summary.currencies).toEqual([{ currency: fileCurrency, rate, ...total }]);
    expect(summary.netTotalMinor).toBe(total.convertedNetMinor);
    const db = await getDb();
    const rows = await db.select().from(orders).where(eq(orders.workspaceId, t.workspace.id)).orderBy(orders.occurredAt);
    expect(rows.map((o) => o.amountMinor)).toEqual(amounts);
    expect(rows.every((o) => o.currency === fileCurrency)).toBe(true);
  });

  it('a fingerprinted file (no order ids) re-imported at another rate adds nothing', async () => {
    const t = await createTestWorkspace('fx-fingerprint');
    const file = csv('a,2024-01-01,1500', 'a,2024-01-02,199', 'b,2024-01-03,50', 'b,2024-01-04,-50');
    await importText(t, file, genericInput('JPY'), 'fx.csv', { JPY: '0.0067' });
    const again = await importText(t, file, genericInput('JPY'), 'fx.csv', { JPY: '0.0070' });
    expect(again).toMatchObject({ ordersAdded: 0, refundsAdded: 0, refundsUpdated: 0, rowsAlreadyImported: 4 });
  });

  it('a refund worth less than half a minor unit still counts one, so it stays a refund line', async () => {
    const t = await createTestWorkspace('fx-tiny');
    // JPY → USD at 0.001: factor 0.1. A ¥4 sale → 0.4 → 0 cents (a zero-value order); a ¥4 refund
    // would round to 0 too, which would make it a sale line: it becomes −1 cent.
    await importText(t, csv('z,2024-01-01,4', 'z,2024-01-02,-4'), genericInput('JPY'), 'tiny.csv', { JPY: '0.001' });
    const db = await getDb();
    const rows = await db.select().from(orders).where(eq(orders.workspaceId, t.workspace.id)).orderBy(orders.occurredAt);
    expect(rows.map((o) => [o.amountMinor, o.originalAmountMinor])).toEqual([[0, 4], [-1, -4]]);
  });
});

// Fourth break-it pass: refund revisions across chains of exports, deletion orders, currencies,
// customers and workspaces, with exact totals read back from SQL.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb, queryRows } from '@/db';
import { deleteImport } from '@/db/queries/delete-import';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { createTestWorkspace, importText } from '@/tests/helpers/db';

afterAll(closeConnection);

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/imports/${name}`));
const presetInput = (currency: string) => importTransactionsSchema.parse({ hasHeader: 'true', currency });
const HEADER = 'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Cancelled at,Refunded Amount\n';
/** A later export of #1003 (80.00 on 2024-02-10) with `refund` refunded, in `currency`, under `email`. */
const export1003 = (refund: string, currency = 'USD', email = 'ana@example.test') =>
  `${HEADER}#1003,${email},partially_refunded,${currency},80.00,2024-02-10 18:45:00 -0500,1,Bread tin,,${refund}\n`;

type Target = Awaited<ReturnType<typeof createTestWorkspace>>;

async function state(target: Target) {
  const db = await getDb();
  const ws = target.workspace.id;
  const customers = await queryRows<{ external_id: string; order_count: number; revenue_minor: string; refunds_minor: string }>(db,
    sql`SELECT external_id, order_count, revenue_minor::text, refunds_minor::text FROM customers WHERE workspace_id = ${ws} ORDER BY external_id COLLATE "C"`);
  const [refund] = await queryRows<{ amount_minor: string; original_amount_minor: string; currency: string }>(db,
    sql`SELECT amount_minor::text, original_amount_minor::text, currency FROM orders WHERE workspace_id = ${ws} AND external_key = md5('o:#1003:1:refund')::uuid`);
  const [counts] = await queryRows<{ orders: number; revisions: number }>(db,
    sql`SELECT (SELECT count(*) FROM orders WHERE workspace_id = ${ws})::int AS orders,
      (SELECT count(*) FROM refund_revisions WHERE workspace_id = ${ws})::int AS revisions`);
  // The stored aggregates must always equal the ones computed from the orders.
  const [drift] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM customers c
    LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE amount_minor >= 0) AS oc,
      coalesce(sum(amount_minor) FILTER (WHERE amount_minor >= 0), 0) AS rev,
      coalesce(-sum(amount_minor) FILTER (WHERE amount_minor < 0), 0) AS ref
      FROM orders o WHERE o.workspace_id = c.workspace_id AND o.customer_id = c.id) a ON true
    WHERE c.workspace_id = ${ws} AND (c.order_count <> a.oc OR c.revenue_minor <> a.rev OR c.refunds_minor <> a.ref)`);
  return {
    customers: customers.map((c) => [c.external_id, c.order_count, Number(c.revenue_minor), Number(c.refunds_minor)]),
    refund: refund ? [Number(refund.amount_minor), Number(refund.original_amount_minor), refund.currency] : null,
    orders: counts!.orders, revisions: counts!.revisions, drift: drift!.n,
  };
}

const BASE_CUSTOMERS = [['ana@example.test', 3, 138_400, 3_000], ['ben@example.test', 2, 4_500, 2_500], ['eve@example.test', 1, 0, 0]];

async function chain(label: string) {
  const t = await createTestWorkspace(label);
  const a = await importText(t, fixture('shopify-orders.csv'), presetInput('USD'), 'a.csv');
  const b = await importText(t, export1003('50.00'), presetInput('USD'), 'b.csv');
  const c = await importText(t, export1003('70.00'), presetInput('USD'), 'c.csv');
  const d = await importText(t, export1003('20.00'), presetInput('USD'), 'd.csv'); // lowers it
  return { t, ids: [a.importId, b.importId, c.importId, d.importId], d };
}

describe('chains of exports, deleted in every order', () => {
  const perms = [[1, 2, 3], [3, 2, 1], [2, 1, 3], [2, 3, 1], [1, 3, 2], [3, 1, 2]];
  const value = (left: number[]) => [3_000, 5_000, 7_000, 2_000][Math.max(0, ...left)]!;
  it.each(perms)('deleting b/c/d in order %i %i %i always leaves the latest remaining value', async (...order) => {
    const { t, ids, d } = await chain(`perm-${order.join('')}`);
    expect(d).toMatchObject({ refundsUpdated: 1, refundsAdded: 0, ordersAdded: 0 });
    expect(await state(t)).toMatchObject({ refund: [-2_000, -2_000, 'USD'], orders: 8, revisions: 3, drift: 0 });
    const left = [1, 2, 3];
    for (const i of order) {
      left.splice(left.indexOf(i), 1);
      await deleteImport(t.workspace.id, ids[i]!);
      const s = await state(t);
      expect(s).toMatchObject({ refund: [-value(left), -value(left), 'USD'], orders: 8, revisions: left.length, drift: 0 });
      expect(s.customers.find((c) => c[0] === 'ana@example.test')).toEqual(['ana@example.test', 3, 138_400, value(left)]);
    }
    expect((await state(t)).customers).toEqual(BASE_CUSTOMERS);
  });

  it('deleting the import that owns the line first removes the line and every revision of it', async () => {
    const { t, ids } = await chain('owner-first');
    expect(await deleteImport(t.workspace.id, ids[0]!)).toMatchObject({ ordersRemoved: 6, refundsRemoved: 2, customersRemoved: 3 });
    expect(await state(t)).toEqual({ customers: [], refund: null, orders: 0, revisions: 0, drift: 0 });
    for (const id of ids.slice(1)) expect(await deleteImport(t.workspace.id, id)).toMatchObject({ ordersRemoved: 0, refundsRestored: 0 });
    expect(await state(t)).toEqual({ customers: [], refund: null, orders: 0, revisions: 0, drift: 0 });
  });

  it('the same later file twice records one revision; deleting the second changes nothing', async () => {
    const t = await createTestWorkspace('twice');
    await importText(t, fixture('shopify-orders.csv'), presetInput('USD'));
    const b1 = await importText(t, export1003('50.00'), presetInput('USD'));
    const b2 = await importText(t, export1003('50.00'), presetInput('USD'));
    expect(b2).toMatchObject({ refundsUpdated: 0, rowsAlreadyImported: 2 });
    expect(await state(t)).toMatchObject({ refund: [-5_000, -5_000, 'USD'], revisions: 1, drift: 0 });
    expect(await deleteImport(t.workspace.id, b2.importId)).toMatchObject({ refundsRestored: 0, ordersRemoved: 0 });
    expect(await state(t)).toMatchObject({ refund: [-5_000, -5_000, 'USD'], revisions: 1, drift: 0 });
    expect(await deleteImport(t.workspace.id, b1.importId)).toMatchObject({ refundsRestored: 1 });
    expect(await state(t)).toMatchObject({ customers: BASE_CUSTOMERS, refund: [-3_000, -3_000, 'USD'], revisions: 0, drift: 0 });
  });
});

describe('currencies', () => {
  it('EUR at 1.085 then a later EUR export at 1.2: the later rate for the new value, the old one back on delete', async () => {
    const t = await createTestWorkspace('fx');
    const a = await importText(t, export1003('30.00', 'EUR'), presetInput('USD'), 'a.csv', { EUR: '1.085' });
    expect(a).toMatchObject({ ordersAdded: 1, refundsAdded: 1 });
    expect(await state(t)).toMatchObject({ refund: [-3_255, -3_000, 'EUR'], customers: [['ana@example.test', 1, 8_680, 3_255]] });
    // Same refund at another rate: nothing changes.
    const same = await importText(t, export1003('30.00', 'EUR'), presetInput('USD'), 'same.csv', { EUR: '1.2' });
    expect(same).toMatchObject({ refundsUpdated: 0 });
    const b = await importText(t, export1003('50.00', 'EUR'), presetInput('USD'), 'b.csv', { EUR: '1.2' });
    expect(b).toMatchObject({ refundsUpdated: 1 });
    expect(await state(t)).toMatchObject({ refund: [-6_000, -5_000, 'EUR'], customers: [['ana@example.test', 1, 8_680, 6_000]], revisions: 1, drift: 0 });
    // The refund in USD now (the currency changes).
    const c = await importText(t, export1003('40.00', 'USD'), presetInput('USD'), 'c.csv');
    expect(await state(t)).toMatchObject({ refund: [-4_000, -4_000, 'USD'], revisions: 2, drift: 0 });
    await deleteImport(t.workspace.id, b.importId);
    expect(await state(t)).toMatchObject({ refund: [-4_000, -4_000, 'USD'], revisions: 1, drift: 0 });
    await deleteImport(t.workspace.id, c.importId);
    expect(await state(t)).toMatchObject({ refund: [-3_255, -3_000, 'EUR'], customers: [['ana@example.test', 1, 8_680, 3_255]], revisions: 0, drift: 0 });
  });
});

describe('customers and workspaces', () => {
  it('a later export naming the order under another customer keeps the owner\'s aggregates right', async () => {
    const t = await createTestWorkspace('moved');
    await importText(t, fixture('shopify-orders.csv'), presetInput('USD'));
    const b = await importText(t, export1003('50.00', 'USD', 'zed@example.test'), presetInput('USD'));
    expect(b).toMatchObject({ refundsUpdated: 1 });
    const s = await state(t);
    expect(s).toMatchObject({ refund: [-5_000, -5_000, 'USD'], revisions: 1 });
    expect(s.customers.find((c) => c[0] === 'ana@example.test')).toEqual(['ana@example.test', 3, 138_400, 5_000]);
    expect(s.drift).toBe(0);
    await deleteImport(t.workspace.id, b.importId);
    expect(await state(t)).toMatchObject({ customers: BASE_CUSTOMERS, refund: [-3_000, -3_000, 'USD'], revisions: 0, drift: 0 });
  });

  it('workspace B with the same files cannot touch A\'s lines or revisions', async () => {
    const { t: a, ids } = await chain('ws-a');
    const { t: b, ids: bIds } = await chain('ws-b');
    expect(await deleteImport(b.workspace.id, ids[3]!)).toBe('not-found');
    for (const id of [...bIds].reverse()) await deleteImport(b.workspace.id, id);
    expect(await state(b)).toEqual({ customers: [], refund: null, orders: 0, revisions: 0, drift: 0 });
    expect(await state(a)).toMatchObject({ refund: [-2_000, -2_000, 'USD'], orders: 8, revisions: 3, drift: 0 });
  });
});

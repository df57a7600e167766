import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { createModelRun } from '@/db/queries/model-runs';
import { customerPredictions, customers } from '@/db/schema';
import { listAuditEvents } from '@/db/queries/audit';
import { iterateCustomers } from '@/db/queries/customer-export';
import { GET } from '@/app/(dashboard)/w/[slug]/customers/export/route';
import { createTestWorkspace, importText } from '@/tests/helpers/db';
import { as } from './isolation/session';

vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('./isolation/session');
  return { auth: async () => (currentSession.user ? { user: { id: currentSession.user.id, sessionVersion: 0 }, expires: '2999-01-01' } : null) };
});
vi.mock('next/navigation', () => ({ notFound: () => { throw new Error('NEXT_NOT_FOUND'); }, redirect: () => { throw new Error('NEXT_REDIRECT'); } }));

afterAll(closeConnection);

describe('customer CSV export', () => {
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  beforeAll(async () => {
    ws = await createTestWorkspace('export');
    await importText(ws, 'customer_id,date,amount\n=HYPERLINK("http://x"),2024-01-01,10.00\nann@example.test,2024-01-02,25.50\nann@example.test,2024-01-03,-5.50\nbob@example.test,2024-02-01,7.00\n');
  });

  const get = (query: string) => as(ws.user, () => GET(new Request(`http://test.local/w/${ws.workspace.slug}/customers/export?${query}`), { params: Promise.resolve({ slug: ws.workspace.slug }) }));

  it('streams the filtered list as an attachment with formula cells neutralised', async () => {
    const response = await get('sort=customer&dir=asc');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${ws.workspace.slug}-customers.csv"`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'customer_id,orders,revenue,refunds,net_clv,aov,first_order_at,last_order_at,predicted_clv_12m,expected_purchases_12m,p_alive,currency',
      `"'=HYPERLINK(""http://x"")",1,10,0,10,10,2024-01-01T00:00:00.000Z,2024-01-01T00:00:00.000Z,,,,USD`,
      // The refund on 01-03 is not an order, so the last order stays 01-02. No model run yet: no predictions.
      'ann@example.test,1,25.5,5.5,20,25.5,2024-01-02T00:00:00.000Z,2024-01-02T00:00:00.000Z,,,,USD',
      'bob@example.test,1,7,0,7,7,2024-02-01T00:00:00.000Z,2024-02-01T00:00:00.000Z,,,,USD',
    ]);
  });

  it("adds each customer's stored prediction: CLV in major units, purchases and P(alive) to 4 decimals", async () => {
    // Stored directly, with values chosen by hand: the model cannot be fitted on three customers.
    const db = await getDb();
    const run = await createModelRun({ workspaceId: ws.workspace.id, model: 'mbgnbd', unit: 'weeks' });
    const rows = await db.select({ id: customers.id, externalId: customers.externalId }).from(customers).where(eq(customers.workspaceId, ws.workspace.id));
    const idOf = (externalId: string) => rows.find((r) => r.externalId === externalId)!.id;
    await db.insert(customerPredictions).values([
      // ann: 1234 cents = 12.34; 0.123456 → 0.1235; 0.98765 → 0.9877 (rounded half up at the 4th decimal).
      { workspaceId: ws.workspace.id, customerId: idOf('ann@example.test'), modelRunId: run.id, expectedPurchases12m: 0.123456, probabilityAlive: 0.98765, predictedClv12mMinor: 1234, expectedSpendMinor: 2000, overdue: false },
      // bob: a prediction without a spend model, so no CLV.
      { workspaceId: ws.workspace.id, customerId: idOf('bob@example.test'), modelRunId: run.id, expectedPurchases12m: 2, probabilityAlive: 0.5, predictedClv12mMinor: null, expectedSpendMinor: null, overdue: true },
    ]);
    const lines = (await (await get('sort=customer&dir=asc')).text()).trimEnd().split('\r\n');
    expect(lines.slice(1)).toEqual([
      `"'=HYPERLINK(""http://x"")",1,10,0,10,10,2024-01-01T00:00:00.000Z,2024-01-01T00:00:00.000Z,,,,USD`,
      'ann@example.test,1,25.5,5.5,20,25.5,2024-01-02T00:00:00.000Z,2024-01-02T00:00:00.000Z,12.34,0.1235,0.9877,USD',
      'bob@example.test,1,7,0,7,7,2024-02-01T00:00:00.000Z,2024-02-01T00:00:00.000Z,,2,0.5,USD',
    ]);
  });

  it('records who exported which filter and how many rows', async () => {
    await (await get('q=example.test&sort=net&dir=desc')).text();
    const [event] = await listAuditEvents(ws.workspace.id, { action: 'export' });
    expect(event).toMatchObject({
      actorId: ws.user.id,
      detail: { list: 'customers', filter: { q: 'example.test', sort: 'net', dir: 'desc' }, rows: 2, truncated: false },
    });
  });

  it('pages through SQL in batches and stops at the cap', async () => {
    const filter = { workspaceId: ws.workspace.id, sort: 'customer' as const, dir: 'asc' as const };
    const all = [];
    for await (const c of iterateCustomers({ ...filter, maxRows: 100, batchSize: 1 })) all.push(c.externalId);
    expect(all).toEqual(['=HYPERLINK("http://x")', 'ann@example.test', 'bob@example.test']);
    const capped = [];
    for await (const c of iterateCustomers({ ...filter, maxRows: 2, batchSize: 1 })) capped.push(c.externalId);
    expect(capped).toEqual(['=HYPERLINK("http://x")', 'ann@example.test']);
  });
});

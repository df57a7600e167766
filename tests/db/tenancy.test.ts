import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { getCustomer, listCustomerOrders, listCustomers } from '@/db/queries/customers';
import { getImport, listImports } from '@/db/queries/imports';
import { listClvDistribution, listPeriodAggregates } from '@/db/queries/metrics';
import { claimModelRun, getLatestModelRun, getModelRun } from '@/db/queries/model-runs';
import { getCustomerPrediction, getPredictionSummary } from '@/db/queries/predictions';
import { listPurchaseHistories } from '@/db/queries/purchase-histories';
import { getMembershipBySlug, listWorkspacesForUser } from '@/db/queries/workspaces';
import { executeModelRun, runModelNow } from '@/lib/predictions/run-model-for-workspace';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, importText, readCdnowSample } from '@/tests/helpers/db';

afterAll(closeConnection);

describe('a member of workspace B cannot read workspace A', () => {
  let a: Awaited<ReturnType<typeof createTestWorkspace>>;
  let b: Awaited<ReturnType<typeof createTestWorkspace>>;
  let aCustomerId: number;
  let aImportId: string;

  beforeAll(async () => {
    a = await createTestWorkspace('tenant-a');
    b = await createTestWorkspace('tenant-b');
    const summary = await importText(a, 'customer_id,date,amount\nsecret-customer,2024-01-01,99.00\n');
    aImportId = summary.importId;
    const { rows } = await listCustomers({ workspaceId: a.workspace.id, sort: 'net', dir: 'desc', page: 1, pageSize: 10 });
    aCustomerId = rows[0]!.id;
  });

  it('finds no membership for B in A (the pages answer 404)', async () => {
    expect(await getMembershipBySlug(b.user.id, a.workspace.slug)).toBeNull();
    expect((await getMembershipBySlug(a.user.id, a.workspace.slug))?.role).toBe('owner');
    expect((await listWorkspacesForUser(b.user.id)).map((w) => w.slug)).toEqual([b.workspace.slug]);
  });

  it("finds none of A's customers, orders or imports by id through B's workspace", async () => {
    expect(await getCustomer(a.workspace.id, aCustomerId)).not.toBeNull();
    expect(await getCustomer(b.workspace.id, aCustomerId)).toBeNull();
    expect(await listCustomerOrders(b.workspace.id, aCustomerId)).toEqual([]);
    expect(await getImport(a.workspace.id, aImportId)).not.toBeNull();
    expect(await getImport(b.workspace.id, aImportId)).toBeNull();
  });

  it("lists nothing of A's in B's lists and metrics", async () => {
    expect(await listImports(b.workspace.id)).toEqual([]);
    expect((await listCustomers({ workspaceId: b.workspace.id, q: 'secret', sort: 'net', dir: 'desc', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await listPeriodAggregates(b.workspace, 'all'))[0]).toMatchObject({ orders: 0, revenueMinor: 0 });
    expect((await listClvDistribution(b.workspace)).every((n) => n === 0)).toBe(true);
  });
});

describe('workspace slugs', () => {
  it('gives six workspaces created at once with one name six different slugs', async () => {
    // Found by the break-it test: four of six parallel "Race Shop" creations failed on the unique slug.
    const owner = await createTestWorkspace('race-owner');
    const { createWorkspace, slugify } = await import('@/db/queries/workspaces');
    const name = `Race ${owner.workspace.id.slice(0, 8)}`;
    const created = await Promise.all(Array.from({ length: 6 }, () => createWorkspace({ name, userId: owner.user.id })));
    const base = slugify(name);
    expect(new Set(created.map((w) => w.slug))).toEqual(new Set([base, ...[2, 3, 4, 5, 6].map((n) => `${base}-${n}`)]));
  });
});

describe("a member of workspace B never sees A's model runs or predictions", () => {
  let a: Awaited<ReturnType<typeof createTestWorkspace>>;
  let b: Awaited<ReturnType<typeof createTestWorkspace>>;
  let aRunId: string;
  let aCustomerId: number;

  beforeAll(async () => {
    a = await createTestWorkspace('models-a');
    b = await createTestWorkspace('models-b');
    // The first 300 customers of CDNOW_sample (sample ids 0001–0300): enough repeat buyers for a fit.
    await importText(a, readCdnowSample(300), CDNOW_SAMPLE_INPUT);
    const run = await runModelNow({ workspaceId: a.workspace.id });
    expect(run.status).toBe('completed');
    aRunId = run.runId;
    aCustomerId = (await listCustomers({ workspaceId: a.workspace.id, sort: 'net', dir: 'desc', page: 1, pageSize: 1 })).rows[0]!.id;
  });

  it("finds A's run and predictions through A only", async () => {
    expect(await getModelRun(a.workspace.id, aRunId)).not.toBeNull();
    expect(await getModelRun(b.workspace.id, aRunId)).toBeNull();
    expect(await getLatestModelRun(b.workspace.id)).toBeNull();
    expect((await getPredictionSummary(a.workspace.id))?.customers).toBe(300);
    expect(await getPredictionSummary(b.workspace.id)).toBeNull();
    expect(await getCustomerPrediction(a.workspace.id, aCustomerId)).not.toBeNull();
    expect(await getCustomerPrediction(b.workspace.id, aCustomerId)).toBeNull();
    expect((await listPurchaseHistories({ id: b.workspace.id, timeZone: 'UTC' })).histories).toEqual([]);
  });

  it("cannot claim or execute A's run through B", async () => {
    expect(await claimModelRun(b.workspace.id, aRunId)).toBeNull();
    expect((await executeModelRun(b.workspace.id, aRunId)).status).toBe('skipped');
    expect((await getModelRun(a.workspace.id, aRunId))?.status).toBe('completed');
  });

  it("leaves A's predictions alone when B runs a model", async () => {
    const before = await getPredictionSummary(a.workspace.id);
    await importText(b, 'customer_id,date,amount\nb1,2024-01-01,10.00\n');
    expect((await runModelNow({ workspaceId: b.workspace.id })).status).toBe('failed');
    expect(await getPredictionSummary(a.workspace.id)).toEqual(before);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { requestImportCancel, transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import { deleteWorkspace } from '@/db/queries/workspaces';
import { listPeriodAggregates } from '@/db/queries/metrics';
import { customers, importRows, imports, modelRuns, orders } from '@/db/schema';
import type { ImportCheck } from '@/lib/imports/import-check';
import { runImportJob } from '@/lib/imports/run-import-job';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, readCdnowSample } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

async function count(table: typeof customers | typeof orders | typeof importRows | typeof modelRuns, workspaceId: string) {
  const db = await getDb();
  return (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.workspaceId, workspaceId)))[0]!.n;
}

// Hand calculation: ann 10.00 + 20.00, bob 5.00, refund −2.50 for ann → 3 orders, 1 refund,
// 2 customers, net 32.50.
const CSV = 'customer_id,date,amount\nann,2024-01-01,10.00\nann,2024-02-01,20.00\nbob,2024-01-15,5.00\nann,2024-02-03,-2.50\n';

describe('an upload checked, then committed, by the background job', () => {
  it('reports exactly what the commit will write and writes nothing before it', async () => {
    const t = await createTestWorkspace('job-check');
    const importId = await uploadText(t, CSV);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });

    const checked = await getImport(t.workspace.id, importId);
    expect(checked).toMatchObject({ status: 'checked', rowsRead: 4, bytesRead: CSV.length, fileBytes: CSV.length });
    const report = checked!.report as ImportCheck;
    expect(report.reading).toMatchObject({ preset: 'generic', rowsRead: 4, errorCount: 0 });
    expect(report.preview).toMatchObject({ rowsRead: 4, ordersAdded: 3, refundsAdded: 1, rowsAlreadyImported: 0, customersInFile: 2, customersAdded: 2, netTotalMinor: 3250 });
    // The dry run's merge was rolled back: only the staged rows exist.
    expect(await count(orders, t.workspace.id)).toBe(0);
    expect(await count(customers, t.workspace.id)).toBe(0);
    expect(await count(importRows, t.workspace.id)).toBe(4);

    expect(await transitionImport(t.workspace.id, importId, ['checked'], 'importing')).toBe(true);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'completed', ordersAdded: 3, refundsAdded: 1, customersAdded: 2, netTotalMinor: 3250 });
    expect(await count(orders, t.workspace.id)).toBe(4);
    expect(await count(importRows, t.workspace.id)).toBe(0);
    expect(await count(modelRuns, t.workspace.id)).toBe(1);
    const [all] = await listPeriodAggregates(t.workspace, 'all');
    expect(all).toMatchObject({ orders: 3, revenueMinor: 3500, refundsMinor: 250, activeCustomers: 2 });
  });

  it('reads the progress of one pass over the file: the bytes read end at the file size', async () => {
    // CDNOW_sample with LF line ends (228,327 bytes with its CRLF, less one per row: 221,408) is
    // read four times: a 64 KB sample, the byte check, the date column (which stops once decided,
    // while its read-ahead chunks still arrive) and the rows.
    const text = readCdnowSample();
    expect(new TextEncoder().encode(text).length).toBe(221_408);
    const t = await createTestWorkspace('job-progress');
    const importId = await uploadText(t, text, CDNOW_SAMPLE_INPUT);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'checked', rowsRead: 6919, bytesRead: 221_408, fileBytes: 221_408 });
  });

  it('commits straight after a clean check when asked to', async () => {
    const t = await createTestWorkspace('job-auto');
    const importId = await uploadText(t, CSV);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit: true });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'completed', ordersAdded: 3, refundsAdded: 1 });
  });

  it('rejects a file with a bad row, naming it, and keeps nothing', async () => {
    const t = await createTestWorkspace('job-reject');
    const importId = await uploadText(t, 'customer_id,date,amount\nann,2024-01-01,10.00\nbob,2024-01-02,12.3x\n');
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit: true });
    const row = await getImport(t.workspace.id, importId);
    expect(row).toMatchObject({ status: 'rejected', message: '1 of 2 rows are invalid, so nothing was imported.' });
    expect((row!.report as ImportCheck).reading.errors).toEqual([{ row: 2, column: 'amount', value: '12.3x', message: 'is not a number' }]);
    expect(await count(importRows, t.workspace.id)).toBe(0);
    expect(await count(orders, t.workspace.id)).toBe(0);
  });

  it.each([
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /binary, not text/],
    ['a NUL byte in a text file', new TextEncoder().encode('customer_id,date,amount\nn\u00001,2024-01-01,5.00\n'), /binary, not text/],
  ])('rejects %s in words, not as an unexpected failure', async (_label, bytes, message) => {
    // Found by the second break-it test: such files ended "failed: unexpected error".
    const t = await createTestWorkspace('job-binary');
    const importId = await uploadText(t, bytes);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit: true });
    const row = await getImport(t.workspace.id, importId);
    expect(row?.status).toBe('rejected');
    expect(row?.message).toMatch(message);
  });

  it('stops at a cancel and keeps nothing', async () => {
    const t = await createTestWorkspace('job-cancel');
    const importId = await uploadText(t, CSV);
    expect(await requestImportCancel(t.workspace.id, importId)).toBe(true);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit: true });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'cancelled' });
    expect(await count(importRows, t.workspace.id)).toBe(0);
    expect(await count(orders, t.workspace.id)).toBe(0);
  });

  it("does nothing with another workspace's import id", async () => {
    const a = await createTestWorkspace('job-a');
    const b = await createTestWorkspace('job-b');
    const importId = await uploadText(a, CSV);
    await runImportJob({ workspaceId: b.workspace.id, importId, step: 'check' });
    expect(await getImport(a.workspace.id, importId)).toMatchObject({ status: 'queued' });
    expect(await requestImportCancel(b.workspace.id, importId)).toBe(false);
    expect(await transitionImport(b.workspace.id, importId, ['queued'], 'cancelled')).toBe(false);
    expect(await deleteImport(b.workspace.id, importId)).toBe('not-found');
    expect(await getImport(a.workspace.id, importId)).toMatchObject({ status: 'queued' });
  });
});

describe('deleting an import', () => {
  it('removes exactly its rows and recomputes the customers it touched', async () => {
    const t = await createTestWorkspace('job-delete');
    const first = await uploadText(t, 'customer_id,date,amount\nann,2024-01-01,10.00\nbob,2024-01-02,5.00\n');
    await runImportJob({ workspaceId: t.workspace.id, importId: first, step: 'check', autoCommit: true });
    const second = await uploadText(t, 'customer_id,date,amount\nann,2024-03-01,7.00\ncid,2024-03-02,9.00\n');
    await runImportJob({ workspaceId: t.workspace.id, importId: second, step: 'check', autoCommit: true });
    expect(await count(orders, t.workspace.id)).toBe(4);

    // ann keeps her first-file order; cid came only with the second file and goes with it.
    expect(await deleteImport(t.workspace.id, second)).toMatchObject({ ordersRemoved: 2, refundsRemoved: 0, refundsRestored: 0, customersRemoved: 1 });
    const db = await getDb();
    const left = await db.select().from(customers).where(eq(customers.workspaceId, t.workspace.id)).orderBy(customers.externalId);
    expect(left.map((c) => [c.externalId, c.orderCount, c.revenueMinor, c.lastOrderAt?.toISOString().slice(0, 10)])).toEqual([
      ['ann', 1, 1000, '2024-01-01'],
      ['bob', 1, 500, '2024-01-02'],
    ]);
    expect(await getImport(t.workspace.id, second)).toBeNull();
    const [all] = await listPeriodAggregates(t.workspace, 'all');
    expect(all).toMatchObject({ orders: 2, revenueMinor: 1500, activeCustomers: 2 });
  });

  it('leaves no orders or staged rows of a deleted import or workspace behind (neither has a foreign key)', async () => {
    const t = await createTestWorkspace('job-delete-all');
    const other = await createTestWorkspace('job-delete-other');
    const importId = await uploadText(t, CSV);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit: true });
    const kept = await uploadText(other, CSV);
    await runImportJob({ workspaceId: other.workspace.id, importId: kept, step: 'check', autoCommit: true });
    const db = await getDb();
    const ofImport = async (id: string) => (await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.importId, id)))[0]!.n;
    expect(await ofImport(importId)).toBe(4);

    expect(await deleteImport(t.workspace.id, importId)).toMatchObject({ ordersRemoved: 3, refundsRemoved: 1, customersRemoved: 2 }); // CSV: three sales and ann's -2.50 refund
    expect(await ofImport(importId)).toBe(0);

    const again = await uploadText(t, CSV);
    await runImportJob({ workspaceId: t.workspace.id, importId: again, step: 'check', autoCommit: true });
    expect(await count(orders, t.workspace.id)).toBe(4);
    // A checked upload waiting for its commit: its staged rows have no key to the import either.
    const waiting = await uploadText(t, CSV);
    await runImportJob({ workspaceId: t.workspace.id, importId: waiting, step: 'check' });
    expect(await count(importRows, t.workspace.id)).toBe(4);
    expect(await deleteWorkspace(t.workspace.id)).toBe(true);
    expect(await count(orders, t.workspace.id)).toBe(0);
    expect(await count(importRows, t.workspace.id)).toBe(0);
    expect(await count(customers, t.workspace.id)).toBe(0);
    expect((await db.select().from(imports).where(eq(imports.workspaceId, t.workspace.id))).length).toBe(0);
    // The other workspace keeps everything.
    expect(await count(orders, other.workspace.id)).toBe(4);
  });
});

// After a large import the planner's statistics describe the workspace as it now is. Without that a
// workspace that was new at the last ANALYZE is "one row" to the planner, and a small file merged
// next (with nested loops allowed) scanned its orders once per customer of the file: minutes for
// 200,000 orders (found by break-it pass 6). Expected numbers: CDNOW_sample, 6,919 orders of 2,357
// customers (tests/fixtures/datasets/README.md).
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeConnection, getDb, queryRows } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import { getLatestModelRun } from '@/db/queries/model-runs';
import type { ImportCheck } from '@/lib/imports/import-check';
import { runImportJob } from '@/lib/imports/run-import-job';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, readCdnowSample } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

/** The planner's row estimate for one workspace's rows of `table` (EXPLAIN, nothing is run). */
async function estimatedRows(table: 'orders' | 'customers', workspaceId: string): Promise<number> {
  // The id is a uuid this test created, inlined so the estimate is for that very value.
  if (!/^[0-9a-f-]{36}$/.test(workspaceId)) throw new Error('not a uuid');
  const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(await getDb(),
    sql.raw(`EXPLAIN (FORMAT JSON) SELECT * FROM ${table} WHERE workspace_id = '${workspaceId}'::uuid`));
  const plan = row!['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: { 'Plan Rows': number } }];
  return parsed[0].Plan['Plan Rows'];
}

describe('planner statistics after a large import', () => {
  it('know how many orders and customers the new workspace holds', async () => {
    const t = await createTestWorkspace('planner-stats');
    const importId = await uploadText(t, readCdnowSample(), CDNOW_SAMPLE_INPUT);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit: true });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'completed', ordersAdded: 6919, customersAdded: 2357 });
    // ANALYZE samples, so the estimate is close, not exact: within a factor of two either way.
    const orders = await estimatedRows('orders', t.workspace.id);
    expect(orders).toBeGreaterThan(6919 / 2);
    expect(orders).toBeLessThan(6919 * 2);
    const customers = await estimatedRows('customers', t.workspace.id);
    expect(customers).toBeGreaterThan(2357 / 2);
    expect(customers).toBeLessThan(2357 * 2);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('an ANALYZE that cannot get its lock (PostgreSQL)', () => {
  it('gives up after 2 s; the committed import keeps its report and queues its model run first', async () => {
    const t = await createTestWorkspace('planner-stats-lock');
    const rows = Array.from({ length: 20_000 }, (_, i) => `c${i % 5_000},2024-${String(1 + (i % 12)).padStart(2, '0')}-15,${1 + (i % 90)}.00`);
    const importId = await uploadText(t, `customer_id,date,amount\n${rows.join('\n')}\n`);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });
    expect(await transitionImport(t.workspace.id, importId, ['checked'], 'importing')).toBe(true);
    // What a manual VACUUM, an anti-wraparound autovacuum or another ANALYZE of customers holds.
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const holder = await admin.reserve();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await holder`BEGIN`;
      await holder`LOCK TABLE customers IN SHARE UPDATE EXCLUSIVE MODE`;
      await runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
      const row = await getImport(t.workspace.id, importId);
      expect(row).toMatchObject({ status: 'completed', ordersAdded: 20_000 });
      expect((row!.report as ImportCheck).preview).toMatchObject({ ordersAdded: 20_000, customersAdded: 5_000 });
      expect(await getLatestModelRun(t.workspace.id)).toMatchObject({ status: 'queued', triggeredByImportId: importId });
      expect(logged.mock.calls.map((call) => String(call[0]))).toContain('ANALYZE after an import failed');
    } finally {
      logged.mockRestore();
      await holder`ROLLBACK`;
      holder.release();
      await admin.end({ timeout: 5 });
    }
  });
});

// deleteWorkspace and deleteImport, where orders and import_rows have no foreign keys: nothing of the
// deleted workspace or import may stay behind, nothing of another may go, also when the deletion
// meets an import job that is still working (staging or committing).
import postgres from 'postgres';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { requestImportCancel, transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import { deleteWorkspace } from '@/db/queries/workspaces';
import { runImportJob } from '@/lib/imports/run-import-job';
import { runModelNow } from '@/lib/predictions/run-model-for-workspace';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, importText, readCdnowSample } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';
import { FULL_INPUT, importViaJob, isPostgres, leftovers, toCsv, type Row } from './reference-model';

// A hook after each staged batch's progress update (the job's onProgress), to act between batches.
const hooks = vi.hoisted(() => ({ afterProgress: null as null | ((importId: string) => Promise<void>) }));
vi.mock('@/db/queries/import-jobs', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/import-jobs')>();
  return {
    ...real,
    updateImportProgress: async (...args: Parameters<typeof real.updateImportProgress>) => {
      await real.updateImportProgress(...args);
      const hook = hooks.afterProgress;
      hooks.afterProgress = null;
      if (hook) await hook(args[1]);
    },
  };
});

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const r = (c: string, day: number, amount: number, orderId: string | null = null): Row => ({ c, t: T0 + day * 86_400_000, amount, orderId, qty: null });
const bigFile = (n: number) => toCsv(Array.from({ length: n }, (_, i) => r(`c${i % 5000}`, i % 600, 100 + (i % 997), `big${i}`)));

async function snapshot(workspaceId: string) {
  return leftovers(workspaceId);
}

describe('deleteWorkspace', () => {
  it('with a completed chain (revisions), a checked upload, a cancelled one and a model run leaves nothing; another workspace keeps all', async () => {
    const t = await createTestWorkspace('merge-delws');
    const other = await createTestWorkspace('merge-delws-other');
    for (const target of [t, other]) {
      await importText(target, readCdnowSample(200), CDNOW_SAMPLE_INPUT);
      await importViaJob(target, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -1000, '#1')]));
      await importViaJob(target, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -3000, '#1')]));
    }
    expect((await runModelNow({ workspaceId: t.workspace.id })).status).toBe('completed');
    const checked = await uploadText(t, toCsv([r('bob', 1, 500, 'w1')]), FULL_INPUT);
    await runImportJob({ workspaceId: t.workspace.id, importId: checked, step: 'check' });
    expect((await getImport(t.workspace.id, checked))?.status).toBe('checked');
    const cancelled = await uploadText(t, toCsv([r('cat', 1, 500, 'w2')]), FULL_INPUT);
    await runImportJob({ workspaceId: t.workspace.id, importId: cancelled, step: 'check' });
    expect(await requestImportCancel(t.workspace.id, cancelled)).toBe(true);
    expect(await transitionImport(t.workspace.id, cancelled, ['checked'], 'cancelled')).toBe(true); // what cancelImportAction does, before it discards
    const before = await snapshot(other.workspace.id);
    expect(await snapshot(t.workspace.id)).toMatchObject({ import_rows: 2, revisions: 1 });

    expect(await deleteWorkspace(t.workspace.id)).toBe(true);
    expect(await snapshot(t.workspace.id)).toMatchObject({ orders: 0, import_rows: 0, customers: 0, imports: 0, revisions: 0 });
    expect(await snapshot(other.workspace.id)).toEqual(before);
    expect(before).toMatchObject({ revisions: 1, drift: 0, orders_without_customer: 0 });
  }, 120_000);
});

describe('deleteImport', () => {
  it('of a cancelled import with staged rows left, and of a failed one, removes the staged rows and touches nothing else', async () => {
    const t = await createTestWorkspace('merge-delimp');
    await importViaJob(t, toCsv([r('ann', 0, 8000, '#1')]));
    const before = await snapshot(t.workspace.id);
    const cancelled = await uploadText(t, toCsv([r('bob', 1, 500, 'x1'), r('ann', 2, 700, 'x2')]), FULL_INPUT);
    await runImportJob({ workspaceId: t.workspace.id, importId: cancelled, step: 'check' });
    await transitionImport(t.workspace.id, cancelled, ['checked'], 'cancelled');
    const failed = await uploadText(t, toCsv([r('bob', 1, 500, 'y1')]), FULL_INPUT);
    await runImportJob({ workspaceId: t.workspace.id, importId: failed, step: 'check' });
    await transitionImport(t.workspace.id, failed, ['checked'], 'failed');
    expect((await snapshot(t.workspace.id)).import_rows).toBe(3);
    expect(await deleteImport(t.workspace.id, cancelled)).toMatchObject({ ordersRemoved: 0, customersRemoved: 0 });
    expect(await deleteImport(t.workspace.id, failed)).toMatchObject({ ordersRemoved: 0, customersRemoved: 0 });
    expect(await snapshot(t.workspace.id)).toEqual({ ...before, import_rows: 0 });
  });

  it("an admin of A cannot delete B's import by id, and B's rows stay", async () => {
    const a = await createTestWorkspace('merge-del-a');
    const b = await createTestWorkspace('merge-del-b');
    const { importId } = await importViaJob(b, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -100, '#1')]));
    const before = await snapshot(b.workspace.id);
    expect(await deleteImport(a.workspace.id, importId)).toBe('not-found');
    expect(await snapshot(b.workspace.id)).toEqual(before);
  });
});

describe('deleting the workspace while its upload is being read', () => {
  it.each([true, false])('autoCommit %s: no staged row of the deleted workspace is left behind', async (autoCommit) => {
    const t = await createTestWorkspace(`merge-race-stage-${autoCommit}`);
    const importId = await uploadText(t, bigFile(100_000), FULL_INPUT);
    // After the first staged batch (~66k rows of 100k), the owner deletes the workspace.
    hooks.afterProgress = async () => {
      expect(await deleteWorkspace(t.workspace.id)).toBe(true);
    };
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit });
    expect(hooks.afterProgress).toBeNull();
    expect(await snapshot(t.workspace.id)).toMatchObject({ orders: 0, customers: 0, imports: 0, import_rows: 0 });
  }, 120_000);
});

describe.skipIf(!isPostgres())('deleting the workspace while an import commits (PostgreSQL: two connections)', () => {
  it('leaves none of the committed orders behind', async () => {
    const admin = postgres(process.env.DATABASE_URL!, { max: 3, onnotice: () => {} });
    let held: Awaited<ReturnType<typeof admin.reserve>> | null = null;
    try {
      const t = await createTestWorkspace('merge-race-merge');
      await importViaJob(t, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -1000, '#1')]));
      // A later export: raises #1's refund (an update of an existing line) and adds five orders.
      const later = await uploadText(t, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -3000, '#1'),
        ...Array.from({ length: 5 }, (_, i) => r(`new${i}`, 3, 1000, `n${i}`))]), FULL_INPUT);
      await runImportJob({ workspaceId: t.workspace.id, importId: later, step: 'check' });
      expect(await transitionImport(t.workspace.id, later, ['checked'], 'importing')).toBe(true);

      // Hold the import's row (FOR SHARE: the merge's foreign-key checks still pass) so the merge
      // pauses at its final UPDATE imports, its orders written.
      const holder = await admin.reserve();
      held = holder;
      await holder`BEGIN`;
      await holder`SELECT 1 FROM imports WHERE id = ${later} FOR SHARE`;
      const waiting = async (pattern: string) => {
        for (let i = 0; i < 400; i++) {
          const [row] = await admin`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE ${pattern}`;
          if (row!.n > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        throw new Error(`nothing waits on ${pattern}`);
      };
      const commit = runImportJob({ workspaceId: t.workspace.id, importId: later, step: 'commit' });
      await waiting('UPDATE imports SET status%');
      // The owner deletes the workspace meanwhile (the Settings page's action).
      const deletion = deleteWorkspace(t.workspace.id);
      await waiting('SELECT pg_advisory_xact_lock%'); // deleteWorkspace waits for the merge's import lock
      await holder`COMMIT`;
      holder.release();
      held = null;
      await commit;
      expect(await deletion).toBe(true);

      const [left] = await admin`SELECT count(*)::int AS orders FROM orders WHERE workspace_id = ${t.workspace.id}`;
      const [ws] = await admin`SELECT count(*)::int AS n FROM workspaces WHERE id = ${t.workspace.id}`;
      expect(ws!.n).toBe(0);
      expect(left!.orders).toBe(0);
    } finally {
      if (held) {
        await held`ROLLBACK`.catch(() => {});
        held.release();
      }
      await admin.end({ timeout: 5 });
    }
  }, 120_000);
});

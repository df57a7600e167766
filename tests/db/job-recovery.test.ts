// A job whose process died (a restart, a crash) is retried by pg-boss after JOB_EXPIRY_SECONDS; the
// retried handler must take over the half-done work instead of leaving it stuck.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { closeJobQueue, JOB_EXPIRY_SECONDS } from '@/db/job-queue';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import { claimModelRun } from '@/db/queries/model-runs';
import { modelRuns } from '@/db/schema';
import { runImportJob } from '@/lib/imports/run-import-job';
import { enqueueModelRun } from '@/lib/predictions/run-model-for-workspace';
import { createTestWorkspace } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

describe('taking over after a dead job', () => {
  it('claims a model run left running past the job expiry, but not a live one', async () => {
    const t = await createTestWorkspace('stale-run');
    const runId = await enqueueModelRun({ workspaceId: t.workspace.id });
    expect(await claimModelRun(t.workspace.id, runId)).not.toBeNull();
    // Running now: a second claim (a duplicate job) is refused.
    expect(await claimModelRun(t.workspace.id, runId)).toBeNull();
    const db = await getDb();
    await db.update(modelRuns).set({ startedAt: sql`now() - make_interval(secs => ${JOB_EXPIRY_SECONDS + 60})` })
      .where(and(eq(modelRuns.workspaceId, t.workspace.id), eq(modelRuns.id, runId)));
    expect((await claimModelRun(t.workspace.id, runId))?.run.status).toBe('running');
  });

  it('starts the read of an upload over when the job that was checking it died', async () => {
    const t = await createTestWorkspace('stale-import');
    const importId = await uploadText(t, 'customer_id,date,amount\nann,2024-01-01,10.00\nbob,2024-01-02,5.00\n');
    // The first job got as far as "checking", then its process stopped.
    await transitionImport(t.workspace.id, importId, ['queued'], 'checking');
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'checked', rowsRead: 2 });
  });
});

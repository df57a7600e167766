import { JOB_QUEUES, workJobs } from '@/db/job-queue';
import { runImportJob, type ImportJob } from '@/lib/imports/run-import-job';
import { executeModelRun, type ModelRunJob } from '@/lib/predictions/run-model-for-workspace';

/**
 * Starts this process's background workers (called once from instrumentation.ts when the server
 * starts). Neither handler throws: a failed fit or import ends in its row's status and message.
 */
export async function startWorkers(): Promise<void> {
  // Two import workers: one workspace's 200 MB upload must not hold up everyone else's small one
  // (second break-it test). Imports of one workspace still merge one at a time (an advisory lock).
  await workJobs<ImportJob>(JOB_QUEUES.importFile, runImportJob, 2);
  await workJobs<ModelRunJob>(JOB_QUEUES.modelRun, async ({ workspaceId, runId }) => {
    await executeModelRun(workspaceId, runId);
  });
}

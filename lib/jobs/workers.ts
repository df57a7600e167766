import { JOB_QUEUES, workJobs } from '@/db/job-queue';
import { executeModelRun, type ModelRunJob } from '@/lib/predictions/run-model-for-workspace';

/**
 * Starts this process's background workers (called once from instrumentation.ts when the server
 * starts). executeModelRun never throws: a failed fit ends its run as failed with a message.
 */
export async function startWorkers(): Promise<void> {
  await workJobs<ModelRunJob>(JOB_QUEUES.modelRun, async ({ workspaceId, runId }) => {
    await executeModelRun(workspaceId, runId);
  });
}

import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue, enqueueJob, JOB_QUEUES, workJobs } from '@/db/job-queue';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

describe('the Postgres-backed job queue', () => {
  it('hands a queued job to a worker in this process, once', async () => {
    const seen: string[] = [];
    const token = randomUUID();
    // On a shared test database the queue also holds the model runs other test files queued (over a
    // hundred), and each worker takes one job per polling second: ten of them reach this one in time.
    const done = new Promise<void>((resolve) => {
      void workJobs<{ token: string }>(JOB_QUEUES.modelRun, async ({ token: t }) => {
        seen.push(t);
        if (t === token) resolve();
      }, 10);
    });
    const id = await enqueueJob(JOB_QUEUES.modelRun, { token });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await done;
    expect(seen.filter((t) => t === token)).toEqual([token]);
  });
});

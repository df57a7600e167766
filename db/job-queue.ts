import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import { getConnection } from './index';

/**
 * Background jobs on pg-boss: a queue kept in Postgres itself (schema `pgboss`, created and
 * migrated by pg-boss on start), so no extra server is needed and a job survives a restart.
 * On PostgreSQL it has its own small pool; on the embedded database it shares the one PGlite.
 */
export const JOB_QUEUES = {
  /** Fit the CLV models of one workspace: `{ workspaceId, runId }`. */
  modelRun: 'model-run',
  /** Read, check and write one uploaded file: `{ workspaceId, importId }`. */
  importFile: 'import-file',
} as const;
export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

// 'stately': per singleton key at most one job waiting and one running, so ten imports in a row
// queue one more model run, not ten. Imports are each their own job.
const QUEUE_POLICIES: Record<JobQueueName, 'stately' | 'standard'> = { 'model-run': 'stately', 'import-file': 'standard' };

const globalForJobs = globalThis as unknown as { worthwiseJobQueue?: Promise<PgBoss> };

/** The started queue, one per process (Next dev re-evaluates modules; the queue must not double). */
export function getJobQueue(): Promise<PgBoss> {
  globalForJobs.worthwiseJobQueue ??= openJobQueue();
  return globalForJobs.worthwiseJobQueue;
}

async function openJobQueue(): Promise<PgBoss> {
  const conn = await getConnection();
  const common = { schedule: false, application_name: 'worthwise-jobs' } as const;
  const boss =
    conn.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: env.DATABASE_URL, max: 4 })
      : new PgBoss({ ...common, db: pgliteExecutor(conn.pg) });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  for (const name of Object.values(JOB_QUEUES)) await boss.createQueue(name, { name, policy: QUEUE_POLICIES[name] });
  return boss;
}

/**
 * pg-boss sends its schema set-up as one multi-statement text without parameters, which the
 * extended protocol (PGlite's query) refuses; exec runs such texts and gives the last result.
 */
function pgliteExecutor(pg: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values || values.length === 0) {
        const results = await pg.exec(text);
        return { rows: results[results.length - 1]?.rows ?? [] };
      }
      return { rows: (await pg.query(text, values)).rows };
    },
  };
}

/**
 * Queues one job. On a 'stately' queue a second job with the same `singletonKey` is not queued
 * while one already waits (null comes back).
 */
export async function enqueueJob(name: JobQueueName, data: object, options: { singletonKey?: string } = {}): Promise<string | null> {
  const boss = await getJobQueue();
  return boss.send(name, data, { retryLimit: 1, expireInSeconds: 60 * 60, ...options });
}

/** Runs `handler` for each job of `name` in this process, one job at a time. */
export async function workJobs<T extends object>(name: JobQueueName, handler: (data: T) => Promise<void>): Promise<void> {
  const boss = await getJobQueue();
  await boss.work<T>(name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    if (job) await handler(job.data);
  });
}

/** Stops the queue (scripts and tests), waiting briefly for a running job. */
export async function closeJobQueue(): Promise<void> {
  const pending = globalForJobs.worthwiseJobQueue;
  globalForJobs.worthwiseJobQueue = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5_000, wait: true });
}

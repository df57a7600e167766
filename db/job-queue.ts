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
  for (const name of Object.values(JOB_QUEUES)) await boss.createQueue(name, { name, policy: 'standard' });
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
 * How long a job may run before pg-boss counts it as dead (its process stopped) and retries it.
 * Handlers take over work their dead predecessor left half-done (see claimModelRun, runImportJob).
 */
export const JOB_EXPIRY_SECONDS = 15 * 60;

/** Queues one job; a job that fails or dies with its process is tried once more. */
export async function enqueueJob(name: JobQueueName, data: object): Promise<string> {
  const boss = await getJobQueue();
  const id = await boss.send(name, data, { retryLimit: 1, expireInSeconds: JOB_EXPIRY_SECONDS });
  if (!id) throw new Error(`The job queue did not accept a ${name} job`);
  return id;
}

/** Runs `handler` for each job of `name` in this process, up to `concurrency` jobs at a time. */
export async function workJobs<T extends object>(name: JobQueueName, handler: (data: T) => Promise<void>, concurrency = 1): Promise<void> {
  const boss = await getJobQueue();
  for (let i = 0; i < concurrency; i++) {
    await boss.work<T>(name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      if (job) await handler(job.data);
    });
  }
}

/** Stops the queue (scripts and tests), waiting briefly for a running job. */
export async function closeJobQueue(): Promise<void> {
  const pending = globalForJobs.worthwiseJobQueue;
  globalForJobs.worthwiseJobQueue = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5_000, wait: true });
}

import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TimeUnit } from '@/lib/metrics/clv';
import type { BacktestOutcome, ModelParams } from '@/lib/predictions/types';
import { JOB_EXPIRY_SECONDS } from '../job-queue';
import { getDb, type Db } from '../index';
import { modelRuns, workspaces, type ChurnModel, type ModelRun } from '../schema';

export interface CreateModelRunInput {
  workspaceId: string;
  model: ChurnModel;
  unit: TimeUnit;
  /** YYYY-MM-DD to calibrate at instead of the last order day. */
  calibrationEnd?: string | null;
  triggeredByImportId?: string | null;
}

/** Queues a run: the row exists (status queued) before anything is computed. */
export async function createModelRun(input: CreateModelRunInput, db?: Db): Promise<ModelRun> {
  const d = db ?? (await getDb());
  const [run] = await d
    .insert(modelRuns)
    .values({
      workspaceId: input.workspaceId,
      model: input.model,
      unit: input.unit,
      calibrationEnd: input.calibrationEnd ?? null,
      triggeredByImportId: input.triggeredByImportId ?? null,
    })
    .returning();
  return run!;
}

export interface ClaimedModelRun {
  run: ModelRun;
  workspace: { id: string; timeZone: string };
}

/**
 * Moves a queued run to running and records the workspace's margin and discount rate as the ones
 * used. Returns null when the run is not queued (already taken, finished, or another workspace's),
 * so two workers can never execute the same run.
 */
export async function claimModelRun(workspaceId: string, runId: string, db?: Db): Promise<ClaimedModelRun | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .update(modelRuns)
    .set({
      status: 'running',
      startedAt: sql`now()`,
      grossMargin: sql`${workspaces.grossMargin}`,
      monthlyDiscountRate: sql`${workspaces.monthlyDiscountRate}`,
    })
    .from(workspaces)
    .where(and(
      eq(workspaces.id, modelRuns.workspaceId), eq(modelRuns.workspaceId, workspaceId), eq(modelRuns.id, runId),
      // A run still "running" after the job's expiry died with its process; the retried job takes it over.
      sql`(${modelRuns.status} = 'queued' OR (${modelRuns.status} = 'running' AND ${modelRuns.startedAt} < now() - make_interval(secs => ${JOB_EXPIRY_SECONDS})))`,
    ))
    .returning({ run: modelRuns, timeZone: workspaces.timeZone });
  return row ? { run: row.run, workspace: { id: workspaceId, timeZone: row.timeZone } } : null;
}

/** Fit details known when a run ends, whether it completed or failed. */
export interface ModelRunOutcome {
  /** Omitted: the row keeps what it has (a requested calibration end survives a failure). */
  calibrationEnd?: string;
  params?: ModelParams | null;
  spendParams?: ModelParams | null;
  logLikelihood?: number | null;
  converged?: boolean | null;
  fitSeconds?: number | null;
  customersFitted?: number | null;
  backtest?: BacktestOutcome | null;
  /** Plain words for the user: why the run failed, or what it could not compute. */
  message: string | null;
}

/** Ends an unfinished run as failed, with the message the user will read; a finished run stays as it is. */
export async function failModelRun(workspaceId: string, runId: string, outcome: ModelRunOutcome, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d
    .update(modelRuns)
    .set({ ...outcome, status: 'failed', finishedAt: sql`now()` })
    .where(and(eq(modelRuns.workspaceId, workspaceId), eq(modelRuns.id, runId), inArray(modelRuns.status, ['queued', 'running'])));
}

/** One run of the workspace, or null (another workspace's id finds nothing). */
export async function getModelRun(workspaceId: string, runId: string, db?: Db): Promise<ModelRun | null> {
  const d = db ?? (await getDb());
  const [row] = await d.select().from(modelRuns).where(and(eq(modelRuns.workspaceId, workspaceId), eq(modelRuns.id, runId)));
  return row ?? null;
}

/** True when the workspace has a completed run. */
export async function hasCompletedModelRun(workspaceId: string, db?: Db): Promise<boolean> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ id: modelRuns.id })
    .from(modelRuns)
    .where(and(eq(modelRuns.workspaceId, workspaceId), eq(modelRuns.status, 'completed')))
    .limit(1);
  return row !== undefined;
}

/** The workspace's most recently queued run, whatever its status, or null. */
export async function getLatestModelRun(workspaceId: string, db?: Db): Promise<ModelRun | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select()
    .from(modelRuns)
    .where(eq(modelRuns.workspaceId, workspaceId))
    .orderBy(desc(modelRuns.createdAt))
    .limit(1);
  return row ?? null;
}

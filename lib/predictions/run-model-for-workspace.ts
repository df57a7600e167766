// Running the CLV model for a workspace, independent of what triggers it: an import queues it as a
// background job (the worker calls executeModelRun with the two ids alone, because everything a
// run needs is on its row), and the demo seed runs it inline.
import { enqueueJob, JOB_QUEUES } from '@/db/job-queue';
import { completeModelRun } from '@/db/queries/complete-model-run';
import { claimModelRun, createModelRun, failModelRun, type ClaimedModelRun, type CreateModelRunInput, type ModelRunOutcome } from '@/db/queries/model-runs';
import { listPurchaseHistories } from '@/db/queries/purchase-histories';
import type { ModelRunStatus } from '@/db/schema';
import { DEFAULT_CHURN_MODEL, formatDay, toDay } from '@/lib/metrics/clv';
import { backtestWorkspace } from './backtest-workspace';
import { predictCustomers } from './predict-customers';
import { NO_ORDERS_MESSAGE } from './run-outcome';

/** Weeks, as in the published CDNOW fits, so stored parameters compare with the literature. */
export const DEFAULT_TIME_UNIT = 'weeks';

export type EnqueueModelRunInput = Pick<CreateModelRunInput, 'workspaceId'> & Partial<Omit<CreateModelRunInput, 'workspaceId'>>;

/** Records a queued run with the default churn model and unit unless told otherwise; returns its id. */
export async function enqueueModelRun(input: EnqueueModelRunInput): Promise<string> {
  const run = await createModelRun({ model: DEFAULT_CHURN_MODEL, unit: DEFAULT_TIME_UNIT, ...input });
  return run.id;
}

/** Records a queued run and hands it to the background job queue (see lib/jobs/workers.ts). */
export async function queueModelRun(input: EnqueueModelRunInput): Promise<string> {
  const runId = await enqueueModelRun(input);
  await enqueueJob(JOB_QUEUES.modelRun, { workspaceId: input.workspaceId, runId } satisfies ModelRunJob);
  return runId;
}

/** The payload of a model-run job: everything else is on the run's row. */
export interface ModelRunJob { workspaceId: string; runId: string }

/** Wall-clock seconds of each step, for logs and benchmarks. */
export interface RunTimings { histories: number; fit: number; backtest: number; write: number }

export interface ModelRunReport {
  status: ModelRunStatus | 'skipped';
  message: string | null;
  seconds: RunTimings;
}

const UNEXPECTED = 'stopped by an unexpected error (details in the server log)';

/**
 * Executes a queued run: claims it, reads per-customer purchase histories (aggregated in SQL), fits
 * and predicts, backtests, and writes the predictions in one transaction. Expected failures (too
 * few repeat buyers) end the run as failed with the model's plain message; anything unexpected is
 * logged and also ends it as failed, so an error never leaves a run "running". Never throws.
 */
export async function executeModelRun(workspaceId: string, runId: string): Promise<ModelRunReport> {
  const seconds: RunTimings = { histories: 0, fit: 0, backtest: 0, write: 0 };
  try {
    const claimed = await claimModelRun(workspaceId, runId);
    if (!claimed) return { status: 'skipped', message: 'the run was not queued', seconds };
    return { ...(await execute(claimed, seconds)), seconds };
  } catch (error) {
    console.error(`Model run ${runId} of workspace ${workspaceId} failed`, error);
    await failModelRun(workspaceId, runId, { message: UNEXPECTED }).catch((e: unknown) => console.error(e));
    return { status: 'failed', message: UNEXPECTED, seconds };
  }
}

async function execute({ run, workspace }: ClaimedModelRun, seconds: RunTimings): Promise<Omit<ModelRunReport, 'seconds'>> {
  const lap = stopwatch();
  const failWith = async (outcome: ModelRunOutcome) => {
    await failModelRun(run.workspaceId, run.id, outcome);
    return { status: 'failed' as const, message: outcome.message };
  };

  const { histories, lastDay } = await listPurchaseHistories(workspace);
  seconds.histories = lap();
  if (lastDay === null) return failWith({ message: NO_ORDERS_MESSAGE });
  // Orders dated in the future (a typo, a scheduled invoice) must not move "now": a calibration end
  // in 2199 made every customer look long gone (second break-it test).
  const latestDay = Math.min(lastDay, toDay(new Date(), workspace.timeZone) ?? lastDay);
  const calibrationEnd = run.calibrationEnd ?? formatDay(latestDay);

  const fit = predictCustomers({
    histories,
    model: run.model,
    unit: run.unit,
    calibrationEnd,
    // Set from the workspace when the run was claimed; the defaults only satisfy the column types.
    grossMargin: run.grossMargin ?? 1,
    monthlyDiscountRate: run.monthlyDiscountRate ?? 0.01,
  });
  seconds.fit = lap();
  if (!fit.ok) {
    return failWith({ calibrationEnd, customersFitted: fit.customersFitted, converged: fit.converged, fitSeconds: seconds.fit, message: fit.message });
  }

  const backtest = backtestWorkspace({ histories, lastDay: latestDay, model: run.model, unit: run.unit });
  seconds.backtest = lap();
  const outcome = {
    calibrationEnd,
    params: fit.params,
    spendParams: fit.spendParams,
    logLikelihood: fit.logLikelihood,
    converged: true,
    fitSeconds: seconds.fit,
    customersFitted: fit.customersFitted,
    backtest,
    message: fit.note,
  } satisfies ModelRunOutcome;
  const { message } = await completeModelRun(run.workspaceId, run.id, outcome, fit.rows);
  seconds.write = lap();
  return { status: 'completed', message };
}

/** Queues and executes a run in this process (seed, tests, scripts). */
export async function runModelNow(input: EnqueueModelRunInput): Promise<ModelRunReport & { runId: string }> {
  const runId = await enqueueModelRun(input);
  return { runId, ...(await executeModelRun(input.workspaceId, runId)) };
}

/** Seconds since the previous call (or since creation). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = (now - last) / 1000;
    last = now;
    return elapsed;
  };
}

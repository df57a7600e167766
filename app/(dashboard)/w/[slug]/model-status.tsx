import type { ModelRun } from '@/db/schema';
import { formatDateTime, formatInteger, formatSeconds } from '@/lib/format';
import { MODEL_LABELS } from '@/lib/predictions/labels';
import { classifyFailedRun, explainNotEnoughData, type WorkspaceDataShape } from '@/lib/predictions/run-outcome';
import { RefreshWhilePending } from '@/app/_components/refresh-while-pending';

type Badge = ModelRun['status'] | 'not-enough-data';

const STATUS_STYLES: Record<Badge, { label: string; className: string }> = {
  queued: { label: 'Queued', className: 'bg-slate-100 text-slate-700' },
  running: { label: 'Running', className: 'bg-amber-100 text-amber-800' },
  completed: { label: 'Completed', className: 'bg-emerald-100 text-emerald-800' },
  failed: { label: 'Failed', className: 'bg-red-100 text-red-800' },
  // Neutral on purpose: a small workspace has nothing to fix, only more history to wait for.
  'not-enough-data': { label: 'Not enough data yet', className: 'bg-slate-100 text-slate-700' },
};

/**
 * The latest model run: its status, and what it fitted or why it failed. `predicted` is the run whose
 * predictions are shown when that is an earlier one (the latest is still pending, or failed). A run
 * that failed for want of data is shown as a waiting state with the workspace's numbers (`data`),
 * not as a failure.
 */
export function ModelStatus({ latest, predicted, data, timeZone }: {
  latest: ModelRun;
  predicted: ModelRun | null;
  data: WorkspaceDataShape;
  timeZone: string;
}) {
  const isShort = latest.status === 'failed' && classifyFailedRun(latest, data) === 'not-enough-data';
  const style = STATUS_STYLES[isShort ? 'not-enough-data' : latest.status];
  const isPending = latest.status === 'queued' || latest.status === 'running';
  return (
    <div className="space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600">Model run</span>
        <span data-testid="model-status" className={`rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`}>{style.label}</span>
        {latest.status === 'completed' && <span data-testid="model-details" className="text-slate-600">{describeFit(latest, timeZone)}</span>}
        {isPending && <span className="text-slate-600">{MODEL_LABELS[latest.model]} on the latest data, queued {formatDateTime(latest.createdAt, timeZone)}.</span>}
      </p>
      {isShort && (
        <div data-testid="model-message" className="max-w-3xl space-y-1 text-slate-700">
          <p className="font-medium">Not enough data for predictions yet.</p>
          <p>{explainNotEnoughData(data)}</p>
          {/* The model's own words stay available for whoever is diagnosing, folded away. */}
          <details className="text-slate-500">
            <summary className="cursor-pointer">Technical detail</summary>
            <p>The run of {formatDateTime(latest.createdAt, timeZone)} stopped: {latest.message}.</p>
          </details>
        </div>
      )}
      {latest.status === 'failed' && !isShort && (
        <p data-testid="model-message" className="text-red-800">The run of {formatDateTime(latest.createdAt, timeZone)} failed: {latest.message}.</p>
      )}
      {latest.status === 'completed' && latest.message && <p data-testid="model-message" className="text-slate-600">Note: {latest.message}.</p>}
      {predicted && predicted.id !== latest.id && (
        <p className="text-slate-600">Showing the predictions of the earlier run: {describeFit(predicted, timeZone)}</p>
      )}
      {isPending && <RefreshWhilePending />}
    </div>
  );
}

/** "MBG/NBD fitted 2026-12-04 05:12 on 23,570 customers to 1998-06-30 (fit 0.35 s)." */
function describeFit(run: ModelRun, timeZone: string): string {
  const when = run.finishedAt ? ` ${formatDateTime(run.finishedAt, timeZone)}` : '';
  const fit = run.fitSeconds === null ? '' : ` (fit ${formatSeconds(run.fitSeconds)})`;
  return `${MODEL_LABELS[run.model]} fitted${when} on ${formatInteger(run.customersFitted ?? 0)} customers with data to ${run.calibrationEnd}${fit}.`;
}

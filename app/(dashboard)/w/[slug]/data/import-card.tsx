'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { idle, type ActionState, type FormAction } from '@/lib/action-state';
import { formatCount, formatInteger } from '@/lib/format';
import { describeImport } from '@/lib/imports/describe';
import type { ImportProgress } from '@/lib/imports/import-progress';
import { describeRowError } from '@/lib/imports/row-error';
import { listForeignCurrencies } from '@/lib/imports/currency-totals';
import { cancelImportAction } from './actions';
import { CommitForm } from './commit-form';
import { CurrencyTotalsTable } from './currency-totals-table';
import { ImportPreview } from './import-preview';
import { ImportReport } from './import-report';

const POLL_MS = 1000;
const STATUS_LABELS: Record<ImportProgress['status'], string> = {
  queued: 'Waiting to start', checking: 'Checking the file', checked: 'Checked: review and import', importing: 'Importing',
  completed: 'Imported', rejected: 'Rejected: nothing was imported', failed: 'Failed: nothing was imported', cancelled: 'Cancelled',
};

const hasNothingNew = (s: { ordersAdded: number; refundsAdded: number; refundsUpdated: number }) =>
  s.ordersAdded + s.refundsAdded + s.refundsUpdated === 0;

/**
 * One import's progress, from the import's row: it polls while a job works on it, so it carries
 * on after a page reload. A checked import shows its dry-run report, the commit form (with a rate
 * per foreign currency) and Cancel; an imported one its totals per currency, side by side.
 */
export function ImportCard({ slug, initial, commitAction }: { slug: string; initial: ImportProgress; commitAction: FormAction }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [state, setState] = useState<ActionState>(idle);
  const [busy, startTransition] = useTransition();
  const isRunning = progress.status === 'queued' || progress.status === 'checking' || progress.status === 'importing';

  useEffect(() => setProgress(initial), [initial]);
  // An action's answer ("Importing…") is about the state it left; once the job moves on, drop it.
  useEffect(() => setState(idle), [progress.status]);
  useEffect(() => {
    if (!isRunning) return;
    // While a large commit holds the embedded database a poll can outlast the interval: one request at
    // a time, and none answered after this effect ends, or a late "importing" would overwrite "completed".
    let isCurrent = true;
    let isFetching = false;
    const timer = setInterval(async () => {
      if (isFetching) return;
      isFetching = true;
      try {
        const response = await fetch(`/api/w/${encodeURIComponent(slug)}/imports/${progress.id}`, { cache: 'no-store' });
        const next = response.ok ? ((await response.json()) as ImportProgress) : null;
        if (!next || !isCurrent) return;
        setProgress(next);
        // The job has moved on: the history table, the upload notice and the overview need the server's view.
        if (next.status !== progress.status) router.refresh();
      } catch {
        // A dropped connection: the next tick asks again.
      } finally {
        isFetching = false;
      }
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [isRunning, slug, progress.id, progress.status, router]);

  const cancel = () => startTransition(async () => {
    setState(await cancelImportAction(slug, progress.id));
    router.refresh();
  });
  const { report } = progress;
  const written = progress.status === 'completed' ? report?.preview : null;

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-card" aria-label={`Import of ${progress.fileName}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">{progress.fileName}</h3>
        <span className="text-sm text-slate-600" data-testid="import-status">
          {progress.status === 'checked' && report?.preview && hasNothingNew(report.preview) ? 'Checked: nothing new to import' : STATUS_LABELS[progress.status]}
        </span>
      </div>
      {isRunning && (
        <div>
          <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-label="Import progress"
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent}>
            <div className="h-2 bg-indigo-600 transition-all" style={{ width: `${progress.percent}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600 tabular-nums" data-testid="import-progress">
            {progress.percent}% · {formatCount(progress.rowsRead, 'row')} read
            {progress.fileBytes > 0 && ` · ${formatInteger(Math.round(progress.bytesRead / 1024))} of ${formatInteger(Math.round(progress.fileBytes / 1024))} KB`}
          </p>
        </div>
      )}
      {progress.status === 'checked' && report?.preview && <ImportPreview summary={report.preview} />}
      {progress.status === 'checked' && report?.preview && hasNothingNew(report.preview) && (
        <p className="text-sm text-slate-700" data-testid="import-nothing-new">Nothing new: every order in this file is already imported. Cancel to dismiss it.</p>
      )}
      {(progress.status === 'checked' || progress.status === 'completed') && report?.reading.report && <ImportReport report={report.reading.report} hasHeader={report.reading.hasHeader} />}
      {written && <p className="text-sm text-slate-700" data-testid="import-summary">{describeImport(progress.fileName, written)}</p>}
      {written?.currencies && listForeignCurrencies(written.currencies, written.currency).length > 0 && (
        <CurrencyTotalsTable totals={written.currencies} currency={written.currency} />
      )}
      {progress.message && progress.status !== 'completed' && <p className="text-sm text-slate-700">{progress.message}</p>}
      {progress.status === 'rejected' && report && report.reading.errors.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-red-800" data-testid="import-errors">
          {report.reading.errors.map((e) => <li key={`${e.row}-${e.column}`}>{describeRowError(e, report.reading.hasHeader)}</li>)}
          {report.reading.errorCount > report.reading.errors.length && <li>… and {formatInteger(report.reading.errorCount - report.reading.errors.length)} more.</li>}
        </ul>
      )}
      {progress.status === 'checked' && report?.preview && !hasNothingNew(report.preview) && (
        <CommitForm action={commitAction} preview={report.preview} />
      )}
      <FormMessage state={state} />
      <div className="flex gap-2">
        {(isRunning || progress.status === 'checked') && progress.status !== 'importing' && (
          <button type="button" disabled={busy} onClick={cancel}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50 disabled:opacity-60">
            Cancel
          </button>
        )}
      </div>
    </section>
  );
}

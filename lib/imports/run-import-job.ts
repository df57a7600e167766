// The background import job, independent of what triggers it: the upload route queues its first
// step, the commit action its second, and the worker (lib/jobs/workers.ts) calls runImportJob with
// ids alone, because everything the job needs is on the import's row.
import { getImport } from '@/db/queries/imports';
import { isImportCancelRequested, transitionImport, updateImportProgress } from '@/db/queries/import-jobs';
import { discardStagedRows, mergeStagedImport, stageImportRows } from '@/db/queries/import-staging';
import { getWorkspaceById } from '@/db/queries/workspaces';
import type { Import } from '@/db/schema';
import { queueModelRun } from '@/lib/predictions/run-model-for-workspace';
import { importTransactionsSchema } from '@/lib/validation/imports';
import type { ImportReport } from './import-report';
import { deleteUpload, openUpload } from './upload-store';

export interface ImportJob {
  workspaceId: string;
  importId: string;
  /** `check`: read and stage the file and report (the dry run); `commit`: write the staged rows. */
  step: 'check' | 'commit';
  /** Commit right after a clean check, without waiting for the user. */
  autoCommit?: boolean;
}

const UNEXPECTED = 'The import stopped because of an unexpected error; nothing was written. Details are in the server log.';

/** Runs one step of an import. Never throws: every way out leaves the import in a final or waiting state. */
export async function runImportJob(job: ImportJob): Promise<void> {
  const { workspaceId, importId } = job;
  try {
    const row = await getImport(workspaceId, importId);
    if (!row) return;
    if (job.step === 'check') await check(row, job.autoCommit === true);
    else await commit(row);
  } catch (error) {
    console.error(`Import ${importId} of workspace ${workspaceId} failed`, error);
    await discardStagedRows(workspaceId, importId).catch((e: unknown) => console.error(e));
    await transitionImport(workspaceId, importId, ['queued', 'checking', 'checked', 'importing'], 'failed', { message: UNEXPECTED }).catch((e: unknown) => console.error(e));
  } finally {
    if (job.step === 'check') await deleteUpload(importId).catch((e: unknown) => console.error(e));
  }
}

async function check(row: Import, autoCommit: boolean): Promise<void> {
  const { workspaceId, id: importId } = row;
  // 'checking' again: a retried job whose predecessor died mid-read starts the read over.
  if (!(await transitionImport(workspaceId, importId, ['queued', 'checking'], 'checking'))) return;
  await discardStagedRows(workspaceId, importId);
  const workspace = await getWorkspaceById(workspaceId);
  if (!workspace) return;
  const input = importTransactionsSchema.parse(row.options);
  const staged = await stageImportRows({
    workspaceId, importId, timeZone: workspace.timeZone, input, bytes: openUpload(importId),
    onProgress: (progress) => updateImportProgress(workspaceId, importId, progress),
    shouldStop: () => isImportCancelRequested(workspaceId, importId),
  });
  if (staged.stopped) return cancel(row);

  const { report: stage } = staged;
  const rejection =
    stage.errorCount > 0 ? `${stage.errorCount} of ${stage.rowsRead} rows are invalid, so nothing was imported.`
    : stage.rowsRead === 0 ? 'The file has no data rows.'
    : null;
  if (rejection) {
    await discardStagedRows(workspaceId, importId);
    const report: ImportReport = { stage, preview: null };
    await transitionImport(workspaceId, importId, ['checking'], 'rejected', { message: rejection, report, rowsRead: stage.rowsRead });
    return;
  }
  const preview = await mergeStagedImport({ workspaceId, importId, currency: row.currency, rowsRead: stage.rowsRead }, { dryRun: true });
  const report: ImportReport = { stage, preview };
  if (!(await transitionImport(workspaceId, importId, ['checking'], 'checked', { report, rowsRead: stage.rowsRead }))) return;
  if (await isImportCancelRequested(workspaceId, importId)) return cancel(row);
  if (autoCommit && (await transitionImport(workspaceId, importId, ['checked'], 'importing'))) {
    await commit({ ...row, status: 'importing', rowsRead: stage.rowsRead });
  }
}

async function commit(row: Import): Promise<void> {
  const { workspaceId, id: importId } = row;
  if (row.status !== 'importing') return;
  if (await isImportCancelRequested(workspaceId, importId)) return cancel(row);
  const summary = await mergeStagedImport({ workspaceId, importId, currency: row.currency, rowsRead: row.rowsRead }, { dryRun: false });
  if (summary.ordersAdded + summary.refundsAdded > 0) await queueModelRun({ workspaceId, triggeredByImportId: importId });
}

async function cancel(row: Import): Promise<void> {
  await discardStagedRows(row.workspaceId, row.id);
  await transitionImport(row.workspaceId, row.id, ['queued', 'checking', 'checked', 'importing'], 'cancelled', { message: 'Cancelled; nothing was written.' });
}

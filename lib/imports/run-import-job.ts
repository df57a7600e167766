// The background import job, independent of what triggers it: the upload route queues its first
// step, the commit action its second, and the worker (lib/jobs/workers.ts) calls runImportJob with
// ids alone, because everything the job needs is on the import's row.
import { ConversionError } from '@/db/queries/convert-staged';
import { getImport, type ImportSummary } from '@/db/queries/imports';
import { isImportCancelRequested, saveImportReport, transitionImport, updateImportProgress } from '@/db/queries/import-jobs';
import { discardStagedRows, mergeStagedImport, stageImportRows } from '@/db/queries/import-staging';
import { analyzeIfBehind } from '@/db/queries/planner-statistics';
import { getWorkspaceById } from '@/db/queries/workspaces';
import type { Import } from '@/db/schema';
import { queueModelRun } from '@/lib/predictions/run-model-for-workspace';
import { importTransactionsSchema } from '@/lib/validation/imports';
import type { ImportCheck } from './import-check';
import type { ImportReading } from './read-import';
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
  const staged = await stageImportRows({
    workspaceId, importId, timeZone: workspace.timeZone, input: importTransactionsSchema.parse(row.options),
    openBytes: () => openUpload(importId), asOf: new Date(),
    onProgress: (progress) => updateImportProgress(workspaceId, importId, progress),
    shouldStop: () => isImportCancelRequested(workspaceId, importId),
  });
  if (staged.stopped) return cancel(row);

  const { reading } = staged;
  if (staged.rejection) return reject(row, reading, staged.rejection);
  const foreign = Object.keys(reading.report?.currencies ?? {}).filter((c) => c !== workspace.currency);
  if (autoCommit && foreign.length === 0) {
    // No review asked for: the commit's own merge is the only one (no rolled-back dry run first).
    if (!(await transitionImport(workspaceId, importId, ['checking'], 'importing', { report: { reading, preview: null } satisfies ImportCheck, rowsRead: reading.rowsRead }))) {
      return discardStagedRows(workspaceId, importId);
    }
    return commit({ ...row, status: 'importing', rowsRead: reading.rowsRead, report: { reading, preview: null } });
  }
  // Without rates the dry run counts exactly (keys and counts use the file's own amounts) but
  // converts nothing: the review asks for a rate per foreign currency, and the commit converts.
  const preview = await mergeStagedImport({ workspaceId, importId, rowsRead: reading.rowsRead, rates: null }, { dryRun: true });
  const check: ImportCheck = { reading: withReimported(reading, preview), preview };
  const message = autoCommit ? `Not imported straight away: amounts in ${foreign.join(', ')} need a rate into ${workspace.currency}.` : null;
  // The import is gone (its workspace deleted) or no longer ours to move on: its staged rows go.
  if (!(await transitionImport(workspaceId, importId, ['checking'], 'checked', { report: check, rowsRead: reading.rowsRead, message }))) {
    return discardStagedRows(workspaceId, importId);
  }
  if (await isImportCancelRequested(workspaceId, importId)) return cancel(row);
}

/** Only the merge knows which lines the workspace already had: it fills the report's placeholder. */
function withReimported(reading: ImportReading, summary: ImportSummary): ImportReading {
  return reading.report ? { ...reading, report: { ...reading.report, reimportedOrders: summary.rowsAlreadyImported + summary.refundsUpdated } } : reading;
}

async function reject(row: Import, reading: ImportReading, message: string): Promise<void> {
  await discardStagedRows(row.workspaceId, row.id);
  await transitionImport(row.workspaceId, row.id, ['checking', 'importing'], 'rejected', { message, report: { reading, preview: null } satisfies ImportCheck, rowsRead: reading.rowsRead });
}

async function commit(row: Import): Promise<void> {
  const { workspaceId, id: importId } = row;
  if (row.status !== 'importing') return;
  if (await isImportCancelRequested(workspaceId, importId)) return cancel(row);
  const reading = (row.report as ImportCheck | null)?.reading ?? null;
  let summary: ImportSummary;
  try {
    summary = await mergeStagedImport({ workspaceId, importId, rowsRead: row.rowsRead, rates: row.rates ?? {} }, { dryRun: false });
  } catch (error) {
    // A rate that is missing or out of range wrote nothing: back to the review, to correct it.
    if (error instanceof ConversionError) {
      await transitionImport(workspaceId, importId, ['importing'], 'checked', { message: error.message, rates: null });
      return;
    }
    throw error;
  }
  // The card and the history show what was written, not what the dry run expected.
  if (reading) await saveImportReport(workspaceId, importId, { reading: withReimported(reading, summary), preview: summary } satisfies ImportCheck);
  if (summary.ordersAdded + summary.refundsAdded > 0) {
    // The import is committed whatever happens here (the workspace may even have been deleted since).
    await queueModelRun({ workspaceId, triggeredByImportId: importId })
      .catch((error: unknown) => console.error(`No model run could be queued after import ${importId} of workspace ${workspaceId}`, error));
  }
  // Last: it may wait for a lock, and nothing the user sees should wait with it.
  await analyzeIfBehind(workspaceId, summary.ordersAdded + summary.refundsAdded);
}

async function cancel(row: Import): Promise<void> {
  await discardStagedRows(row.workspaceId, row.id);
  await transitionImport(row.workspaceId, row.id, ['queued', 'checking', 'checked', 'importing'], 'cancelled', { message: 'Cancelled; nothing was written.' });
}

'use server';

import { revalidatePath } from 'next/cache';
import { enqueueJob, JOB_QUEUES } from '@/db/job-queue';
import { recordAuditEvent } from '@/db/queries/audit';
import { deleteImport } from '@/db/queries/delete-import';
import { requestImportCancel, transitionImport } from '@/db/queries/import-jobs';
import { discardStagedRows } from '@/db/queries/import-staging';
import { getImport } from '@/db/queries/imports';
import { fail, fromZodError, ok, type ActionState } from '@/lib/action-state';
import { requireMembership } from '@/lib/auth/guards';
import { listForeignCurrencies, pickRates } from '@/lib/imports/currency-totals';
import { describeDeletedImport } from '@/lib/imports/describe-removal';
import type { ImportCheck } from '@/lib/imports/import-check';
import type { ImportJob } from '@/lib/imports/run-import-job';
import { queueModelRun } from '@/lib/predictions/run-model-for-workspace';
import { commitImportSchema } from '@/lib/validation/import-rates';
import { importIdSchema } from '@/lib/validation/uploads';

// Uploading itself is a route handler (app/api/w/[slug]/uploads): a server action would buffer the
// whole file under a body limit. These actions act on an import that exists. Minimum role: admin.

/**
 * Writes a checked (dry-run) import: its job merges the staged rows in one transaction. A file with
 * amounts in other currencies than the workspace's needs a rate for each (form fields `rate.EUR`…),
 * kept with the import.
 */
export async function commitImportAction(slug: string, importId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'admin');
  const id = importIdSchema.safeParse(importId);
  const values = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === 'string'));
  const parsed = commitImportSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values, 'Check the exchange rates.');
  const row = id.success ? await getImport(workspace.id, id.data) : null;
  if (!row || row.status !== 'checked') return fail('This import is no longer waiting to be committed.');
  const preview = (row.report as ImportCheck | null)?.preview;
  const { rates, missing } = pickRates(listForeignCurrencies(preview?.currencies ?? [], workspace.currency), parsed.data);
  if (missing.length > 0) {
    return fail(`Enter a rate for ${missing.join(', ')} (1 ${missing[0]} = ? ${workspace.currency}): nothing was imported.`, { values });
  }
  if (!(await transitionImport(workspace.id, row.id, ['checked'], 'importing', { rates: Object.keys(rates).length > 0 ? rates : null, message: null }))) {
    return fail('This import is no longer waiting to be committed.');
  }
  await enqueueJob(JOB_QUEUES.importFile, { workspaceId: workspace.id, importId: row.id, step: 'commit' } satisfies ImportJob);
  await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'import', detail: { importId: row.id, fileName: row.fileName, step: 'commit', rates } });
  revalidatePath(`/w/${workspace.slug}/data`);
  return ok('Importing…');
}

/** Stops an import that is queued, being read, or waiting for review; nothing is written. */
export async function cancelImportAction(slug: string, importId: string): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'admin');
  const id = importIdSchema.safeParse(importId);
  const row = id.success ? await getImport(workspace.id, id.data) : null;
  if (!row || !(await requestImportCancel(workspace.id, row.id))) return fail('This import can no longer be cancelled.');
  // Queued and checked imports have no job reading them: end them here. A running job sees the
  // request at its next batch and ends the import itself.
  if (await transitionImport(workspace.id, row.id, ['queued', 'checked'], 'cancelled', { message: 'Cancelled; nothing was written.' })) {
    await discardStagedRows(workspace.id, row.id);
  }
  await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'import_cancelled', detail: { importId: row.id, fileName: row.fileName } });
  revalidatePath(`/w/${workspace.slug}/data`);
  return ok('Cancelled.');
}

/** Removes an import and exactly its orders; customers left without orders go too. */
export async function deleteImportAction(slug: string, importId: string): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'admin');
  const id = importIdSchema.safeParse(importId);
  const removed = id.success ? await deleteImport(workspace.id, id.data) : 'not-found';
  if (removed === 'not-found') return fail('There is no such import in this workspace.');
  if (removed === 'running') return fail('This import cannot be deleted while it is running: cancel it or wait for it to finish.');
  await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'import_deleted', detail: { importId: id.data, ...removed } });
  if (removed.ordersRemoved + removed.refundsRemoved + removed.refundsRestored > 0) await queueModelRun({ workspaceId: workspace.id });
  revalidatePath(`/w/${workspace.slug}`, 'layout');
  return ok(`${describeDeletedImport(removed.fileName, removed)}.`);
}

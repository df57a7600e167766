'use server';

import { Readable } from 'node:stream';
import { revalidatePath } from 'next/cache';
import { recordAuditEvent } from '@/db/queries/audit';
import { importFile } from '@/db/queries/import-file';
import { ImportRejectedError, type ImportSummary } from '@/db/queries/imports';
import { fail, fromZodError, ok, type ActionState } from '@/lib/action-state';
import { requireMembership } from '@/lib/auth/guards';
import { describeImport, MAX_UPLOAD_BYTES } from '@/lib/imports/describe';
import { describeRowError } from '@/lib/imports/stage-rows';
import { queueModelRun } from '@/lib/predictions/run-model-for-workspace';
import { importTransactionsSchema } from '@/lib/validation/imports';

/** Uploads a transactions CSV into the workspace: all rows or none. Minimum role: admin. */
export async function importTransactionsAction(slug: string, _prev: ActionState<ImportSummary>, formData: FormData): Promise<ActionState<ImportSummary>> {
  const { user, workspace } = await requireMembership(slug, 'admin');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return fail('Choose a non-empty CSV file to upload.');
  if (file.size > MAX_UPLOAD_BYTES) {
    return fail(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the upload limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  const fields = Object.fromEntries([...formData.entries()].filter(([key]) => key !== 'file'));
  const parsed = importTransactionsSchema.safeParse(fields);
  if (!parsed.success) return fromZodError(parsed.error, undefined, 'Check the column mapping.');
  // Metrics add amounts up in the reporting currency; converting other currencies needs a rate per
  // currency, so until the upload asks for one, a file must be in the workspace's currency.
  if (parsed.data.currency !== workspace.currency) {
    return fail(`This workspace reports in ${workspace.currency}, so the file's amounts must be in ${workspace.currency} too (the form said ${parsed.data.currency}).`);
  }

  let summary: ImportSummary;
  try {
    summary = await importFile({
      workspaceId: workspace.id,
      userId: user.id,
      timeZone: workspace.timeZone,
      fileName: file.name,
      bytes: Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream<Uint8Array>),
      input: parsed.data,
    });
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      return fail(error.message, { details: error.report.errors.map((e) => describeRowError(e, parsed.data.hasHeader)) });
    }
    throw error;
  }
  // New data, new predictions: the run is queued now (the overview shows it) and fitted by the
  // background worker, so the upload does not wait for the model. A file that added nothing changes nothing.
  if (summary.ordersAdded + summary.refundsAdded > 0) {
    await queueModelRun({ workspaceId: workspace.id, triggeredByImportId: summary.importId });
  }
  await recordAuditEvent({
    workspaceId: workspace.id,
    actor: user,
    action: 'import',
    detail: { importId: summary.importId, fileName: file.name, rowsRead: summary.rowsRead, ordersAdded: summary.ordersAdded },
  });
  revalidatePath(`/w/${workspace.slug}`, 'layout');
  return ok(describeImport(file.name, summary), summary);
}

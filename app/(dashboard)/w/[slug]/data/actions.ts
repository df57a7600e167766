'use server';

import { revalidatePath } from 'next/cache';
import { importFile, type ImportFileResult } from '@/db/queries/import-file';
import { ImportRejectedError } from '@/db/queries/imports';
import { fail, fromZodError, ok, type ActionState } from '@/lib/action-state';
import { requireMembership } from '@/lib/auth/guards';
import { describeImport, MAX_UPLOAD_BYTES } from '@/lib/imports/describe';
import { describeRowError } from '@/lib/imports/row-error';
import { importTransactionsSchema } from '@/lib/validation/imports';

/** Uploads a transactions CSV into the workspace: all rows or none. Minimum role: admin. */
export async function importTransactionsAction(slug: string, _prev: ActionState<ImportFileResult>, formData: FormData): Promise<ActionState<ImportFileResult>> {
  const { user, workspace } = await requireMembership(slug, 'admin');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return fail('Choose a non-empty CSV file to upload.');
  if (file.size > MAX_UPLOAD_BYTES) {
    return fail(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the upload limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  const fields = Object.fromEntries([...formData.entries()].filter(([key]) => key !== 'file'));
  const parsed = importTransactionsSchema.safeParse(fields);
  if (!parsed.success) return fromZodError(parsed.error, undefined, 'Check the column mapping.');

  let summary: ImportFileResult;
  try {
    summary = await importFile({
      workspaceId: workspace.id,
      userId: user.id,
      timeZone: workspace.timeZone,
      fileName: file.name,
      // A File can be streamed again and again: the reader takes several passes over it.
      openBytes: () => file.stream() as unknown as AsyncIterable<Uint8Array>,
      input: parsed.data,
      asOf: new Date(),
      maxBytes: MAX_UPLOAD_BYTES,
    });
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      return fail(error.message, { details: error.report.errors.map((e) => describeRowError(e, parsed.data.hasHeader)) });
    }
    throw error;
  }
  revalidatePath(`/w/${workspace.slug}`, 'layout');
  return ok(describeImport(file.name, summary), summary);
}

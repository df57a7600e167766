import { randomUUID } from 'node:crypto';
import { createQueuedImport } from '@/db/queries/import-jobs';
import { saveUpload } from '@/lib/imports/upload-store';
import type { ImportTransactionsInput } from '@/lib/validation/imports';
import { SIMPLE_CSV_INPUT } from './db';

/** What the upload route does: the bytes to disk, then the queued import row. Returns the import id. */
export async function uploadText(
  target: { workspace: { id: string; currency: string }; user: { id: string } },
  content: string | Uint8Array,
  input: ImportTransactionsInput = SIMPLE_CSV_INPUT,
): Promise<string> {
  const id = randomUUID();
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const fileBytes = await saveUpload(id, (async function* () { yield bytes; })());
  await createQueuedImport({ id, workspaceId: target.workspace.id, userId: target.user.id, fileName: 'upload.csv', fileBytes, currency: target.workspace.currency, options: input });
  return id;
}

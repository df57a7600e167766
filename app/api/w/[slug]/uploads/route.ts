import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { NextResponse } from 'next/server';
import { enqueueJob, JOB_QUEUES } from '@/db/job-queue';
import { recordAuditEvent } from '@/db/queries/audit';
import { createQueuedImport } from '@/db/queries/import-jobs';
import { requireMembership } from '@/lib/auth/guards';
import type { ImportJob } from '@/lib/imports/run-import-job';
import { deleteUpload, saveUpload, UploadTooLargeError } from '@/lib/imports/upload-store';
import { uploadHeadersSchema } from '@/lib/validation/uploads';

/**
 * POST the raw bytes of a file (no multipart, no body limit but our own): they stream to disk and
 * a background job reads them, so a million-row file never passes through memory or a server
 * action's body limit. The mapping travels in headers. Minimum role: admin. Answers 202 with the
 * import id, whose progress GET /api/w/[slug]/imports/[id] reports.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, workspace } = await requireMembership(slug, 'admin');
  const parsed = uploadHeadersSchema.safeParse({
    fileName: request.headers.get('x-file-name'),
    options: request.headers.get('x-import-options'),
    autoCommit: request.headers.get('x-auto-commit'),
  });
  if (!parsed.success) return NextResponse.json({ error: 'Check the column mapping.', issues: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  const { fileName, options, autoCommit } = parsed.data;
  if (!request.body) return NextResponse.json({ error: 'Choose a non-empty file to upload.' }, { status: 400 });

  const importId = randomUUID();
  let fileBytes: number;
  try {
    fileBytes = await saveUpload(importId, Readable.fromWeb(request.body as WebReadableStream<Uint8Array>));
  } catch (error) {
    if (error instanceof UploadTooLargeError) return NextResponse.json({ error: error.message }, { status: 413 });
    throw error;
  }
  if (fileBytes === 0) {
    await deleteUpload(importId);
    return NextResponse.json({ error: 'Choose a non-empty file to upload.' }, { status: 400 });
  }
  try {
    // options.currency is that of the file's amounts (where the file names none); amounts in any
    // other currency than the workspace's wait at review for a rate (see lib/imports/run-import-job.ts).
    await createQueuedImport({ id: importId, workspaceId: workspace.id, userId: user.id, fileName, fileBytes, currency: workspace.currency, options });
  } catch (error) {
    await deleteUpload(importId); // no row, no job: nothing would ever remove the file
    throw error;
  }
  await enqueueJob(JOB_QUEUES.importFile, { workspaceId: workspace.id, importId, step: 'check', autoCommit } satisfies ImportJob);
  await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'import', detail: { importId, fileName, fileBytes, step: autoCommit ? 'upload and commit' : 'upload' } });
  return NextResponse.json({ importId }, { status: 202 });
}

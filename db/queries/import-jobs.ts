import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportTransactionsInput } from '@/lib/validation/imports';
import { getDb, type Db } from '../index';
import { imports, type Import, type ImportStatus } from '../schema';

// The imports row is the job's state: the page polls it for the progress bar, so it survives a
// reload, and every transition is a conditional update, so a cancel and a finishing job never
// both win.

export interface CreateQueuedImportInput {
  workspaceId: string;
  userId: string;
  fileName: string;
  fileBytes: number;
  /** The workspace's reporting currency (the file's own is `options.currency`). */
  currency: string;
  options: ImportTransactionsInput;
}

/** The row of an upload whose bytes are on disk and whose job is about to be queued. */
export async function createQueuedImport(input: CreateQueuedImportInput & { id: string }, db?: Db): Promise<Import> {
  const d = db ?? (await getDb());
  const [row] = await d
    .insert(imports)
    .values({
      workspaceId: input.workspaceId, id: input.id, fileName: input.fileName, status: 'queued',
      rowsRead: 0, ordersAdded: 0, refundsAdded: 0, rowsAlreadyImported: 0, customersInFile: 0, customersAdded: 0,
      netTotalMinor: 0, currency: input.currency, options: input.options, fileBytes: input.fileBytes, createdBy: input.userId,
    })
    .returning();
  return row!;
}

/** Moves the import from one of `from` to `to` (with `changes`); false when it was not in `from`. */
export async function transitionImport(
  workspaceId: string,
  importId: string,
  from: ImportStatus[],
  to: ImportStatus,
  changes: Partial<Pick<Import, 'rowsRead' | 'bytesRead' | 'report' | 'message' | 'rates'>> = {},
  db?: Db,
): Promise<boolean> {
  const d = db ?? (await getDb());
  const finished = ['completed', 'rejected', 'failed', 'cancelled'].includes(to);
  const rows = await d
    .update(imports)
    .set({ ...changes, status: to, ...(finished ? { finishedAt: sql`now()` } : {}) })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId), inArray(imports.status, from)))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Progress of the dry run, written while the job reads the file. */
export async function updateImportProgress(workspaceId: string, importId: string, progress: { rowsRead: number; bytesRead: number }, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d.update(imports).set(progress).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
}

/**
 * Asks an import to stop before it writes. A queued, checking or checked import ends cancelled
 * right away or at the job's next look; once importing, its merge is one transaction that goes
 * through (delete the import afterwards instead).
 */
export async function requestImportCancel(workspaceId: string, importId: string, db?: Db): Promise<boolean> {
  const d = db ?? (await getDb());
  const rows = await d
    .update(imports)
    .set({ cancelRequestedAt: sql`coalesce(${imports.cancelRequestedAt}, now())` })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId), inArray(imports.status, ['queued', 'checking', 'checked'])))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Whether a cancel was asked for, or the import is gone with its workspace: the job looks between batches. */
export async function isImportCancelRequested(workspaceId: string, importId: string, db?: Db): Promise<boolean> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ at: imports.cancelRequestedAt })
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
  return !row || row.at != null;
}

/** Imports a job still works on or that wait for review, plus the latest one: the data page's cards. */
export async function listImportsToFollow(workspaceId: string, db?: Db): Promise<Import[]> {
  const d = db ?? (await getDb());
  return d
    .select()
    .from(imports)
    .where(and(
      eq(imports.workspaceId, workspaceId),
      sql`(${imports.status} IN ('queued', 'checking', 'checked', 'importing') OR ${imports.id} = (
        SELECT i2.id FROM imports i2 WHERE i2.workspace_id = ${workspaceId} ORDER BY i2.created_at DESC LIMIT 1))`,
    ))
    .orderBy(sql`${imports.createdAt} DESC`);
}

/** Replaces the import's kept report (after the commit: the counts it really wrote). */
export async function saveImportReport(workspaceId: string, importId: string, report: unknown, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d.update(imports).set({ report }).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
}

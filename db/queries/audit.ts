import { and, desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { auditEvents, type AuditAction } from '../schema';

export interface AuditInput {
  workspaceId: string;
  actor: { id: string; email: string };
  action: AuditAction;
  detail?: Record<string, unknown>;
}

/** Appends one event to the workspace's audit trail. */
export async function recordAuditEvent(input: AuditInput, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d.insert(auditEvents).values({
    workspaceId: input.workspaceId,
    actorId: input.actor.id,
    actorEmail: input.actor.email,
    action: input.action,
    detail: input.detail ?? {},
  });
}

/** The workspace's latest events, newest first, optionally of one kind. */
export async function listAuditEvents(workspaceId: string, opts: { limit?: number; action?: AuditAction } = {}, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), opts.action ? eq(auditEvents.action, opts.action) : undefined))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(opts.limit ?? 200);
}

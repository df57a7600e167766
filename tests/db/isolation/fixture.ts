import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { createInvitation } from '@/db/queries/invitations';
import { createUser } from '@/db/queries/users';
import { invitations, memberships, type Role } from '@/db/schema';
import { createInvitationToken, INVITATION_TTL_MS } from '@/lib/invitations/token';
import { transitionImport } from '@/db/queries/import-jobs';
import { createTestWorkspace, importText } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';

export type TestUser = { id: string; email: string };

/**
 * Workspace A with a member of every role, one customer and one pending invitation; workspace B
 * whose owner is the outsider. Each case gets its own, so a case that changes data affects no other.
 */
export async function createIsolationFixture() {
  const a = await createTestWorkspace('iso-a');
  const b = await createTestWorkspace('iso-b');
  const db = await getDb();
  const members: Record<Role, TestUser> = { owner: a.user, admin: a.user, analyst: a.user, viewer: a.user };
  for (const role of ['admin', 'analyst', 'viewer'] as const) {
    const user = (await createUser({ email: `iso-${role}-${randomUUID()}@example.test`, name: role, passwordHash: 'x' }))!;
    await db.insert(memberships).values({ workspaceId: a.workspace.id, userId: user.id, role });
    members[role] = user;
  }
  const { importId } = await importText(a, 'customer_id,date,amount\nsecret@example.test,2024-01-01,10.00\n');
  // An upload whose dry run is done and waits for review (no rows staged: the job is not needed).
  const checkedImportId = await uploadText(a, 'customer_id,date,amount\nsecret@example.test,2024-02-01,5.00\n');
  await transitionImport(a.workspace.id, checkedImportId, ['queued'], 'checked');
  const { token, tokenHash } = createInvitationToken();
  const inviteEmail = `iso-invitee-${randomUUID()}@example.test`;
  const invitation = await createInvitation({
    workspaceId: a.workspace.id, email: inviteEmail, role: 'viewer', invitedBy: a.user.id,
    tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  return { a: { ...a, members, invitation, token, inviteEmail, importId, checkedImportId }, b };
}

export type IsolationFixture = Awaited<ReturnType<typeof createIsolationFixture>>;

/** A's membership for `userId`, or null: how a case proves that B changed nothing in A. */
export async function getRoleInA(fx: IsolationFixture, userId: string): Promise<Role | null> {
  const db = await getDb();
  const [row] = await db.select({ role: memberships.role }).from(memberships)
    .where(and(eq(memberships.workspaceId, fx.a.workspace.id), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** Whether A's invitation is still untouched (not revoked, not accepted, same token). */
export async function isInvitationIntact(fx: IsolationFixture): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select().from(invitations)
    .where(and(eq(invitations.workspaceId, fx.a.workspace.id), eq(invitations.id, fx.a.invitation.id)));
  return !!row && !row.revokedAt && !row.acceptedAt && row.tokenHash === fx.a.invitation.tokenHash;
}

/** The status of one of A's imports (null once deleted): how a case proves B changed nothing. */
export async function getImportStatusInA(fx: IsolationFixture, importId: string): Promise<string | null> {
  const { getImport } = await import('@/db/queries/imports');
  return (await getImport(fx.a.workspace.id, importId))?.status ?? null;
}

/** FormData from a plain object. */
export function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

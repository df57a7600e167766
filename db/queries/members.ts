import { and, asc, eq } from 'drizzle-orm';
import type { Refusal } from '@/lib/auth/member-rules';
import { getDb, type Db } from '../index';
import { memberships, users, type Role } from '../schema';

/** The workspace's members with their e-mail, owners first. */
export async function listMembers(workspaceId: string, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.role), asc(users.email));
}

type Decide = (change: { target: Role; owners: number }) => Refusal;
export type MembershipChange =
  | { status: 'not-found' }
  | { status: 'refused'; message: string }
  | { status: 'done'; previous: Role; email: string };

/**
 * Locks the workspace's memberships, lets `decide` judge the change against the target's role and
 * the owner count, then applies it. The lock makes "last owner" hold when two owners demote each
 * other at the same moment.
 */
async function changeMembership(workspaceId: string, userId: string, decide: Decide, apply: (tx: Db) => Promise<unknown>, db?: Db): Promise<MembershipChange> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const rows = await tx
      .select({ userId: memberships.userId, role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId))
      .for('update', { of: memberships });
    const target = rows.find((r) => r.userId === userId);
    if (!target) return { status: 'not-found' };
    const refusal = decide({ target: target.role, owners: rows.filter((r) => r.role === 'owner').length });
    if (refusal) return { status: 'refused', message: refusal };
    await apply(tx);
    return { status: 'done', previous: target.role, email: target.email };
  });
}

const byMember = (workspaceId: string, userId: string) =>
  and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId));

export function updateMemberRole(workspaceId: string, userId: string, role: Role, decide: Decide, db?: Db) {
  return changeMembership(workspaceId, userId, decide, (tx) => tx.update(memberships).set({ role }).where(byMember(workspaceId, userId)), db);
}

export function deleteMember(workspaceId: string, userId: string, decide: Decide, db?: Db) {
  return changeMembership(workspaceId, userId, decide, (tx) => tx.delete(memberships).where(byMember(workspaceId, userId)), db);
}

import { and, asc, eq } from 'drizzle-orm';
import type { Refusal } from '@/lib/auth/member-rules';
import { hasRole } from '@/lib/auth/roles';
import { getDb, type Db } from '../index';
import { memberships, users, type Role } from '../schema';
import { recordAuditEvent } from './audit';

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

/** The workspace's memberships with e-mails, locked until the transaction ends. */
function lockMembers(tx: Db, workspaceId: string) {
  return tx
    .select({ userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .for('update', { of: memberships });
}

/** The judged change: the actor's and target's roles as read under the lock, and the owner count. */
type Decide = (change: { actor: Role; target: Role; owners: number }) => Refusal;
export type MembershipChange =
  | { status: 'not-found' }
  | { status: 'refused'; message: string }
  | { status: 'done'; previous: Role; email: string };

/** Who asks for a membership change, and the least role the change needs. */
export interface MembershipActor {
  id: string;
  minimum: Role;
}

/**
 * Locks the workspace's memberships, re-reads the actor's role under the lock, lets `decide` judge
 * the change against both roles and the owner count, then applies it. The lock makes "last owner"
 * hold when two owners demote each other at the same moment, and the re-read means an admin
 * demoted an instant earlier can no longer act on the role the page saw.
 */
async function changeMembership(
  workspaceId: string, actor: MembershipActor, userId: string, decide: Decide,
  apply: (tx: Db, target: { role: Role; email: string }) => Promise<unknown>, db?: Db,
): Promise<MembershipChange> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const rows = await lockMembers(tx, workspaceId);
    const target = rows.find((r) => r.userId === userId);
    if (!target) return { status: 'not-found' };
    const actorRole = rows.find((r) => r.userId === actor.id)?.role;
    if (!actorRole || !hasRole(actorRole, actor.minimum)) return { status: 'refused', message: 'Your role in this workspace no longer allows that.' };
    const refusal = decide({ actor: actorRole, target: target.role, owners: rows.filter((r) => r.role === 'owner').length });
    if (refusal) return { status: 'refused', message: refusal };
    await apply(tx, target);
    return { status: 'done', previous: target.role, email: target.email };
  });
}

const byMember = (workspaceId: string, userId: string) =>
  and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId));

export function updateMemberRole(workspaceId: string, actor: MembershipActor, userId: string, role: Role, decide: Decide, db?: Db) {
  return changeMembership(workspaceId, actor, userId, decide, (tx) => tx.update(memberships).set({ role }).where(byMember(workspaceId, userId)), db);
}

export function deleteMember(workspaceId: string, actor: MembershipActor, userId: string, decide: Decide, db?: Db) {
  return changeMembership(workspaceId, actor, userId, decide, (tx) => tx.delete(memberships).where(byMember(workspaceId, userId)), db);
}

type DecideTransfer = (change: { actor: Role; target: Role; isSelf: boolean }) => Refusal;

/**
 * Makes `toUserId` an owner and the actor an admin, and records it, in one transaction under the
 * same lock as the other membership changes. The actor's role is read under that lock: when a sole
 * owner starts two transfers at once, the second finds them an admin and is refused, so the
 * workspace never ends with zero owners (or two new ones). `decide` alone judges the actor's role,
 * so its refusal says why.
 */
export function transferOwnership(workspaceId: string, actor: { id: string; email: string }, toUserId: string, decide: DecideTransfer, db?: Db): Promise<MembershipChange> {
  return changeMembership(
    workspaceId, { id: actor.id, minimum: 'viewer' }, toUserId,
    (c) => decide({ actor: c.actor, target: c.target, isSelf: toUserId === actor.id }),
    async (tx, target) => {
      // Promote first: at no point inside the transaction is the workspace without an owner.
      await tx.update(memberships).set({ role: 'owner' }).where(byMember(workspaceId, toUserId));
      await tx.update(memberships).set({ role: 'admin' }).where(byMember(workspaceId, actor.id));
      await recordAuditEvent({ workspaceId, actor, action: 'ownership_transferred', detail: { userId: toUserId, email: target.email, from: target.role } }, tx);
    },
    db,
  );
}

import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { invitations, memberships, users, workspaces, type Role } from '../schema';
import { recordAuditEvent } from './audit';

/** Pending = neither accepted nor revoked, and not yet expired. */
const pending = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`));

/**
 * The inviter is still a member with at least the invited role (the enum runs owner < admin <
 * analyst < viewer): an invitation grants no more than its inviter holds when it is accepted, so a
 * demoted or removed admin's admin links stop working.
 */
const withinInviterRole = () => sql`EXISTS (SELECT 1 FROM memberships m
  WHERE m.workspace_id = invitations.workspace_id AND m.user_id = invitations.invited_by AND m.role <= invitations.role)`;

export interface CreateInvitationInput {
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string;
  tokenHash: string;
  expiresAt: Date;
}

/** Stores a new invitation; an earlier pending one for the same address is revoked so only the newest link works. */
export async function createInvitation(input: CreateInvitationInput, db?: Db) {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.workspaceId, input.workspaceId), eq(invitations.email, input.email), pending()));
    const [row] = await tx.insert(invitations).values(input).returning();
    return row!;
  });
}

/** The workspace's pending invitations, oldest first, with the inviter's e-mail. */
export async function listPendingInvitations(workspaceId: string, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, invitedByEmail: users.email })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.workspaceId, workspaceId), pending()))
    .orderBy(asc(invitations.createdAt));
}

/**
 * Revokes a pending invitation of this workspace for one of `roles` (those the actor may grant);
 * null when there is none with that id.
 */
export async function revokeInvitation(workspaceId: string, id: string, roles: Role[], db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), inArray(invitations.role, roles), pending()))
    .returning();
  return row ?? null;
}

/**
 * Gives a pending invitation for one of `roles` (those the actor may grant) a new token and expiry
 * (the old link stops working), and the re-sender as its inviter; null when there is none.
 */
export async function renewInvitation(workspaceId: string, id: string, roles: Role[], token: { tokenHash: string; expiresAt: Date; invitedBy?: string }, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d
    .update(invitations)
    .set(token)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), inArray(invitations.role, roles), pending()))
    .returning();
  return row ?? null;
}

/** A pending invitation by token hash, with its workspace: what the invite page shows. */
export async function getPendingInvitation(tokenHash: string, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ email: invitations.email, role: invitations.role, workspaceName: workspaces.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(and(eq(invitations.tokenHash, tokenHash), pending(), withinInviterRole()));
  return row ?? null;
}

/**
 * Accepts an invitation for the signed-in user, once: the UPDATE only matches a pending invitation
 * for the user's own e-mail, so two concurrent accepts cannot both succeed. Returns the workspace
 * slug, or null for an unknown, used, revoked, expired or someone else's invitation, or one whose
 * inviter no longer holds its role.
 */
export async function acceptInvitation(input: { tokenHash: string; user: { id: string; email: string } }, db?: Db) {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: input.user.id })
      .where(and(eq(invitations.tokenHash, input.tokenHash), eq(invitations.email, input.user.email), pending(), withinInviterRole()))
      .returning();
    if (!invitation) return null;
    // An existing member keeps the role they have.
    await tx.insert(memberships).values({ workspaceId: invitation.workspaceId, userId: input.user.id, role: invitation.role }).onConflictDoNothing();
    await recordAuditEvent({ workspaceId: invitation.workspaceId, actor: input.user, action: 'invitation_accepted', detail: { email: invitation.email, role: invitation.role } }, tx);
    const [workspace] = await tx.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.id, invitation.workspaceId));
    return workspace!.slug;
  });
}

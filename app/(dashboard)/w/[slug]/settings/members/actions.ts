'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { recordAuditEvent } from '@/db/queries/audit';
import { revokeInvitation } from '@/db/queries/invitations';
import { deleteMember, transferOwnership, updateMemberRole, type MembershipChange } from '@/db/queries/members';
import { fail, fromZodError, ok, type ActionState } from '@/lib/action-state';
import { requireMembership } from '@/lib/auth/guards';
import { refuseRemoval, refuseRoleChange, refuseTransfer } from '@/lib/auth/member-rules';
import { assignableRoles, canAssignRole } from '@/lib/auth/roles';
import { issueInvitation, reissueInvitation, type IssuedInvitation } from '@/lib/invitations/issue';
import { getPublicOrigin } from '@/lib/request-origin';
import { changeMemberRoleSchema, invitationIdSchema, inviteMemberSchema, removeMemberSchema, transferOwnershipSchema } from '@/lib/validation/members';

const membersPath = (slug: string) => `/w/${slug}/settings/members`;

// Without SMTP the inviter must pass the link on, so it comes back to them (and only to them).
function delivered(issued: IssuedInvitation, verb: string): ActionState<{ link: string }> {
  return issued.emailed
    ? ok(`Invitation ${verb} to ${issued.email}.`)
    : ok(`No e-mail is configured: send ${issued.email} this link yourself.`, { link: issued.link });
}

function fromChange(change: MembershipChange, success: string, values?: Record<string, string>): ActionState {
  if (change.status === 'not-found') return fail('That person is not a member of this workspace.', { values });
  if (change.status === 'refused') return fail(change.message, { values });
  return ok(success);
}

/** Invites an e-mail address with a role. Minimum role: admin. */
export async function inviteMember(slug: string, _prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  const { user, workspace, role } = await requireMembership(slug, 'admin');
  const values = { email: String(formData.get('email') ?? ''), role: String(formData.get('role') ?? '') };
  const parsed = inviteMemberSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!canAssignRole(role, parsed.data.role)) return fail("You can't grant a role above your own.", { values });
  const issued = await issueInvitation({ workspace, inviter: user, origin: await getPublicOrigin() }, parsed.data);
  revalidatePath(membersPath(slug));
  return delivered(issued, 'sent');
}

/** Sends a pending invitation again with a new link. Minimum role: admin. */
export async function resendInvitation(slug: string, _prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  const { user, workspace, role } = await requireMembership(slug, 'admin');
  const parsed = invitationIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error);
  const issued = await reissueInvitation({ workspace, inviter: user, inviterRole: role, origin: await getPublicOrigin() }, parsed.data.invitationId);
  if (!issued) return fail('That invitation is no longer pending.');
  revalidatePath(membersPath(slug));
  return delivered(issued, 're-sent');
}

/** Revokes a pending invitation; its link stops working. Minimum role: admin. */
export async function revokeInvitationAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace, role } = await requireMembership(slug, 'admin');
  const parsed = invitationIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error);
  const revoked = await revokeInvitation(workspace.id, parsed.data.invitationId, assignableRoles(role));
  if (!revoked) return fail('That invitation is no longer pending.');
  await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'invitation_revoked', detail: { email: revoked.email, role: revoked.role } });
  revalidatePath(membersPath(slug));
  return ok(`Invitation for ${revoked.email} revoked.`);
}

/** Changes a member's role, never above the actor's own. Minimum role: admin. */
export async function changeMemberRole(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'admin');
  const parsed = changeMemberRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error);
  const { userId, role: next } = parsed.data;
  const change = await updateMemberRole(workspace.id, { id: user.id, minimum: 'admin' }, userId, next, (c) => refuseRoleChange(c, next));
  if (change.status === 'done') {
    await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'member_role_changed', detail: { userId, email: change.email, from: change.previous, to: next } });
    revalidatePath(membersPath(slug));
  }
  return fromChange(change, `Role changed to ${next}.`);
}

/** Removes another member. Minimum role: admin. */
export async function removeMember(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'admin');
  const parsed = removeMemberSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error);
  const { userId } = parsed.data;
  if (userId === user.id) return fail('Use "Leave workspace" to remove yourself.');
  const change = await deleteMember(workspace.id, { id: user.id, minimum: 'admin' }, userId, (c) => refuseRemoval(c, false));
  if (change.status === 'done') {
    await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'member_removed', detail: { userId, email: change.email, role: change.previous } });
    revalidatePath(membersPath(slug));
  }
  return fromChange(change, 'Member removed.');
}

/** Leaves the workspace; the last owner cannot. Minimum role: viewer. */
export async function leaveWorkspace(slug: string, _prev: ActionState, _formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'viewer');
  const change = await deleteMember(workspace.id, { id: user.id, minimum: 'viewer' }, user.id, (c) => refuseRemoval(c, true));
  if (change.status !== 'done') return fromChange(change, '');
  await recordAuditEvent({ workspaceId: workspace.id, actor: user, action: 'member_left', detail: { role: change.previous } });
  redirect('/w?all=1');
}

/**
 * Makes another member of this workspace the owner; the actor becomes an admin. Minimum role: owner.
 * The actor loses the owner-only form, so success redirects to a page that says what happened.
 */
export async function transferOwnershipAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'owner');
  const values = { userId: String(formData.get('userId') ?? ''), confirmName: String(formData.get('confirmName') ?? '') };
  const parsed = transferOwnershipSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (parsed.data.confirmName !== workspace.name) return fail(`Type "${workspace.name}" exactly to transfer it.`, { values });
  const change = await transferOwnership(workspace.id, user, parsed.data.userId, refuseTransfer);
  if (change.status !== 'done') return fromChange(change, '', values);
  revalidatePath(`/w/${slug}`, 'layout');
  redirect(`${membersPath(slug)}?transferred=1`);
}

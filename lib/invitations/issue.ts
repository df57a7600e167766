import { recordAuditEvent } from '@/db/queries/audit';
import { createInvitation, renewInvitation } from '@/db/queries/invitations';
import type { Role } from '@/db/schema';
import { assignableRoles } from '@/lib/auth/roles';
import { sendInvitationMail } from '@/lib/email/send-invitation';
import { createInvitationToken, INVITATION_TTL_MS } from './token';

interface Issue {
  workspace: { id: string; name: string };
  inviter: { id: string; email: string };
  origin: string;
}

export interface IssuedInvitation {
  email: string;
  /** The link with its token; the caller shows it only when no e-mail went out. */
  link: string;
  emailed: boolean;
}

async function deliver(issue: Issue, invitation: { email: string; role: Role }, token: string): Promise<IssuedInvitation> {
  const link = `${issue.origin}/invite/${token}`;
  const emailed = await sendInvitationMail({
    to: invitation.email, workspaceName: issue.workspace.name, inviterEmail: issue.inviter.email, role: invitation.role, link,
  });
  return { email: invitation.email, link, emailed };
}

/** Creates an invitation with a fresh token, records it in the audit trail and sends it. */
export async function issueInvitation(issue: Issue, input: { email: string; role: Role }): Promise<IssuedInvitation> {
  const { token, tokenHash } = createInvitationToken();
  await createInvitation({
    workspaceId: issue.workspace.id, email: input.email, role: input.role, invitedBy: issue.inviter.id,
    tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  await recordAuditEvent({ workspaceId: issue.workspace.id, actor: issue.inviter, action: 'invitation_sent', detail: input });
  return deliver(issue, input, token);
}

/**
 * Re-sends a pending invitation with a new token and a new 7 days; null when it is not pending in
 * this workspace, or is for a role above the inviter's own (its new link would be a way to it).
 * The re-sender becomes its inviter: an invitation grants no more than its inviter holds.
 */
export async function reissueInvitation(issue: Issue & { inviterRole: Role }, invitationId: string): Promise<IssuedInvitation | null> {
  const { token, tokenHash } = createInvitationToken();
  const renewed = await renewInvitation(issue.workspace.id, invitationId, assignableRoles(issue.inviterRole), { tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS), invitedBy: issue.inviter.id });
  if (!renewed) return null;
  await recordAuditEvent({ workspaceId: issue.workspace.id, actor: issue.inviter, action: 'invitation_resent', detail: { email: renewed.email, role: renewed.role } });
  return deliver(issue, renewed, token);
}

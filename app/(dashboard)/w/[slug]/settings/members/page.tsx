import { listPendingInvitations } from '@/db/queries/invitations';
import { listMembers } from '@/db/queries/members';
import { roleEnum } from '@/db/schema';
import { requireMembership } from '@/lib/auth/guards';
import { canAssignRole, hasRole } from '@/lib/auth/roles';
import { membersParamsSchema } from '@/lib/validation/members';
import { changeMemberRole, inviteMember, leaveWorkspace, removeMember, resendInvitation, revokeInvitationAction, transferOwnershipAction } from './actions';
import { InviteForm } from './invite-form';
import { RowActionForm } from './row-action';
import { TransferOwnershipForm } from './transfer-ownership-form';

export const metadata = { title: 'Members · Worthwise' };

export default async function MembersPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { user, workspace, role } = await requireMembership(slug, 'viewer');
  const { transferred } = membersParamsSchema.parse(await searchParams);
  const canManage = hasRole(role, 'admin');
  const [members, invitations] = await Promise.all([
    listMembers(workspace.id),
    canManage ? listPendingInvitations(workspace.id) : Promise.resolve([]),
  ]);
  const assignable = roleEnum.enumValues.filter((r) => canAssignRole(role, r));
  const candidates = members.filter((m) => m.role !== 'owner');
  const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: workspace.timeZone });

  return (
    <div className="space-y-8">
      {transferred && role !== 'owner' && (
        <p role="status" data-testid="ownership-transferred" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Ownership transferred: you are now an admin of {workspace.name}.
        </p>
      )}
      <p className="text-sm text-slate-600">Your role in {workspace.name}: <strong data-testid="own-role">{role}</strong></p>
      {canManage && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-lg font-semibold">Invite someone</h2>
          <InviteForm action={inviteMember.bind(null, slug)} roles={assignable} />
        </section>
      )}
      <section>
        <h2 className="mb-3 text-lg font-semibold">Members</h2>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="members">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm" data-testid={`member-${m.email}`}>
              <span>{m.email}{m.userId === user.id ? ' (you)' : ''} · <span data-testid="member-role">{m.role}</span></span>
              <div className="flex flex-wrap gap-3">
                {canManage && hasRole(role, m.role) && (
                  <RowActionForm action={changeMemberRole.bind(null, slug)} fields={{ userId: m.userId }} label="Change role"
                    select={{ name: 'role', options: assignable, defaultValue: m.role, label: `Role of ${m.email}` }} />
                )}
                {canManage && m.userId !== user.id && hasRole(role, m.role) && (
                  <RowActionForm action={removeMember.bind(null, slug)} fields={{ userId: m.userId }} label="Remove" />
                )}
                {m.userId === user.id && <RowActionForm action={leaveWorkspace.bind(null, slug)} fields={{}} label="Leave workspace" />}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {canManage && (
        <section>
          <h2 className="mb-3 text-lg font-semibold">Pending invitations</h2>
          {invitations.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="invitations">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm" data-testid={`invitation-${i.email}`}>
                  <span>{i.email} · {i.role} · expires {day.format(i.expiresAt)} · invited by {i.invitedByEmail ?? '—'}</span>
                  <div className="flex flex-wrap gap-3">
                    <RowActionForm action={resendInvitation.bind(null, slug)} fields={{ invitationId: i.id }} label="Re-send" />
                    <RowActionForm action={revokeInvitationAction.bind(null, slug)} fields={{ invitationId: i.id }} label="Revoke" />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {role === 'owner' && (
        <section className="space-y-3 rounded-lg border border-red-200 bg-white p-4">
          <h2 className="text-lg font-semibold">Transfer ownership</h2>
          <p className="text-sm text-slate-600">
            The member you choose becomes an owner of {workspace.name} and <strong>you become an admin</strong>. You can&apos;t
            undo this yourself: only an owner can make you owner again.
          </p>
          {candidates.length === 0
            ? <p className="text-sm text-slate-600">Ownership can only go to another member of this workspace: invite someone first.</p>
            : <TransferOwnershipForm action={transferOwnershipAction.bind(null, slug)} name={workspace.name} candidates={candidates} />}
        </section>
      )}
    </div>
  );
}

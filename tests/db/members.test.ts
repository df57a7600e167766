import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { deleteMember, listMembers, updateMemberRole } from '@/db/queries/members';
import { createUser } from '@/db/queries/users';
import { memberships, type Role } from '@/db/schema';
import { refuseRemoval, refuseRoleChange } from '@/lib/auth/member-rules';
import { deleteWorkspace, getMembershipBySlug } from '@/db/queries/workspaces';
import { createTestWorkspace } from '@/tests/helpers/db';

afterAll(closeConnection);

async function addMember(workspaceId: string, role: Role) {
  const user = (await createUser({ email: `m-${role}-${randomUUID()}@example.test`, name: null, passwordHash: 'x' }))!;
  await (await getDb()).insert(memberships).values({ workspaceId, userId: user.id, role });
  return user;
}

describe('membership changes', () => {
  it('keeps the last owner: no demotion and no leaving', async () => {
    const { user, workspace } = await createTestWorkspace('owner');
    const demote = await updateMemberRole(workspace.id, user.id, 'admin', ({ target, owners }) => refuseRoleChange({ actor: 'owner', target, owners }, 'admin'));
    expect(demote).toEqual({ status: 'refused', message: expect.stringMatching(/at least one owner/) });
    const leave = await deleteMember(workspace.id, user.id, ({ target, owners }) => refuseRemoval({ actor: 'owner', target, owners }, true));
    expect(leave.status).toBe('refused');
    expect((await listMembers(workspace.id)).map((m) => m.role)).toEqual(['owner']);
  });

  it('lets an owner hand over: promote another owner, then step down', async () => {
    const { user, workspace } = await createTestWorkspace('handover');
    const next = await addMember(workspace.id, 'admin');
    const decide = (to: Role) => ({ target, owners }: { target: Role; owners: number }) => refuseRoleChange({ actor: 'owner', target, owners }, to);
    expect((await updateMemberRole(workspace.id, next.id, 'owner', decide('owner'))).status).toBe('done');
    expect(await updateMemberRole(workspace.id, user.id, 'admin', decide('admin'))).toMatchObject({ status: 'done', previous: 'owner' });
    const roles = Object.fromEntries((await listMembers(workspace.id)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [next.id]: 'owner', [user.id]: 'admin' });
  });

  it('does not find a member of another workspace by user id', async () => {
    const a = await createTestWorkspace('ma');
    const b = await createTestWorkspace('mb');
    const change = await deleteMember(b.workspace.id, a.user.id, () => null);
    expect(change).toEqual({ status: 'not-found' });
    expect((await listMembers(a.workspace.id)).map((m) => m.userId)).toEqual([a.user.id]);
  });
});

describe('deleting a workspace', () => {
  it('removes it with its members and leaves other workspaces alone', async () => {
    const a = await createTestWorkspace('del-a');
    const b = await createTestWorkspace('del-b');
    await addMember(a.workspace.id, 'viewer');
    expect(await deleteWorkspace(a.workspace.id)).toBe(true);
    expect(await listMembers(a.workspace.id)).toEqual([]);
    expect(await getMembershipBySlug(a.user.id, a.workspace.slug)).toBeNull();
    expect((await getMembershipBySlug(b.user.id, b.workspace.slug))?.role).toBe('owner');
  });
});

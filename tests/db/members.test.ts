import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
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
    const demote = await updateMemberRole(workspace.id, { id: user.id, minimum: 'admin' }, user.id, 'admin', (c) => refuseRoleChange(c, 'admin'));
    expect(demote).toEqual({ status: 'refused', message: expect.stringMatching(/at least one owner/) });
    const leave = await deleteMember(workspace.id, { id: user.id, minimum: 'viewer' }, user.id, (c) => refuseRemoval(c, true));
    expect(leave.status).toBe('refused');
    expect((await listMembers(workspace.id)).map((m) => m.role)).toEqual(['owner']);
  });

  it('lets an owner hand over: promote another owner, then step down', async () => {
    const { user, workspace } = await createTestWorkspace('handover');
    const next = await addMember(workspace.id, 'admin');
    const owner = { id: user.id, minimum: 'admin' as const };
    expect((await updateMemberRole(workspace.id, owner, next.id, 'owner', (c) => refuseRoleChange(c, 'owner'))).status).toBe('done');
    expect(await updateMemberRole(workspace.id, owner, user.id, 'admin', (c) => refuseRoleChange(c, 'admin'))).toMatchObject({ status: 'done', previous: 'owner' });
    const roles = Object.fromEntries((await listMembers(workspace.id)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [next.id]: 'owner', [user.id]: 'admin' });
  });

  it('does not find a member of another workspace by user id', async () => {
    const a = await createTestWorkspace('ma');
    const b = await createTestWorkspace('mb');
    const change = await deleteMember(b.workspace.id, { id: b.user.id, minimum: 'admin' }, a.user.id, () => null);
    expect(change).toEqual({ status: 'not-found' });
    expect((await listMembers(a.workspace.id)).map((m) => m.userId)).toEqual([a.user.id]);
  });
});

describe('an actor demoted a moment ago (third break-it test)', () => {
  it('acts on the role read under the lock, not the one the page saw', async () => {
    const { workspace } = await createTestWorkspace('demoted');
    const admin = await addMember(workspace.id, 'admin');
    const viewer = await addMember(workspace.id, 'viewer');
    // The owner demotes the admin after the admin's action passed its requireMembership check.
    await (await getDb()).update(memberships).set({ role: 'analyst' })
      .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, admin.id)));
    const actor = { id: admin.id, minimum: 'admin' as const };
    expect(await deleteMember(workspace.id, actor, viewer.id, (c) => refuseRemoval(c, false)))
      .toEqual({ status: 'refused', message: 'Your role in this workspace no longer allows that.' });
    expect(await updateMemberRole(workspace.id, actor, viewer.id, 'analyst', (c) => refuseRoleChange(c, 'analyst')))
      .toMatchObject({ status: 'refused' });
    const roles = Object.fromEntries((await listMembers(workspace.id)).map((m) => [m.userId, m.role]));
    expect(roles[viewer.id]).toBe('viewer');
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

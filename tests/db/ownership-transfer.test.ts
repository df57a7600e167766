import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { listAuditEvents } from '@/db/queries/audit';
import { listMembers, transferOwnership } from '@/db/queries/members';
import { createUser } from '@/db/queries/users';
import { memberships, type Role } from '@/db/schema';
import { describeAuditEvent } from '@/lib/audit/describe';
import { refuseTransfer } from '@/lib/auth/member-rules';
import { createTestWorkspace } from '@/tests/helpers/db';

afterAll(closeConnection);

async function addMember(workspaceId: string, role: Role) {
  const user = (await createUser({ email: `t-${role}-${randomUUID()}@example.test`, name: null, passwordHash: 'x' }))!;
  await (await getDb()).insert(memberships).values({ workspaceId, userId: user.id, role });
  return user;
}

async function rolesOf(workspaceId: string) {
  return Object.fromEntries((await listMembers(workspaceId)).map((m) => [m.userId, m.role]));
}

describe('transferring ownership', () => {
  it('makes the member the owner and the owner an admin, and records it', async () => {
    const { user: owner, workspace } = await createTestWorkspace('transfer');
    const next = await addMember(workspace.id, 'analyst');
    const change = await transferOwnership(workspace.id, owner, next.id, refuseTransfer);
    expect(change).toEqual({ status: 'done', previous: 'analyst', email: next.email });
    expect(await rolesOf(workspace.id)).toEqual({ [next.id]: 'owner', [owner.id]: 'admin' });

    const events = await listAuditEvents(workspace.id, { action: 'ownership_transferred' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.id, actorEmail: owner.email, detail: { userId: next.id, email: next.email, from: 'analyst' } });
    expect(describeAuditEvent(events[0]!)).toBe(`${next.email}: analyst → owner; the previous owner is now admin`);
  });

  it('answers "not found" for a user of another workspace, and for an unknown id, changing nothing', async () => {
    const a = await createTestWorkspace('transfer-a');
    const b = await createTestWorkspace('transfer-b');
    expect(await transferOwnership(a.workspace.id, a.user, b.user.id, refuseTransfer)).toEqual({ status: 'not-found' });
    expect(await transferOwnership(a.workspace.id, a.user, 'no-such-user', refuseTransfer)).toEqual({ status: 'not-found' });
    expect(await rolesOf(a.workspace.id)).toEqual({ [a.user.id]: 'owner' });
    expect(await rolesOf(b.workspace.id)).toEqual({ [b.user.id]: 'owner' });
    expect(await listAuditEvents(a.workspace.id, { action: 'ownership_transferred' })).toEqual([]);
  });

  it('refuses a transfer to oneself', async () => {
    const { user: owner, workspace } = await createTestWorkspace('transfer-self');
    const change = await transferOwnership(workspace.id, owner, owner.id, refuseTransfer);
    expect(change).toEqual({ status: 'refused', message: "You can't transfer ownership to yourself: choose another member." });
    expect(await rolesOf(workspace.id)).toEqual({ [owner.id]: 'owner' });
  });

  it('refuses an admin, and a target who is already an owner', async () => {
    const { user: owner, workspace } = await createTestWorkspace('transfer-admin');
    const admin = await addMember(workspace.id, 'admin');
    const viewer = await addMember(workspace.id, 'viewer');
    expect(await transferOwnership(workspace.id, admin, viewer.id, refuseTransfer))
      .toEqual({ status: 'refused', message: 'Only an owner can transfer ownership, and you are no longer one.' });
    const coOwner = await addMember(workspace.id, 'owner');
    expect(await transferOwnership(workspace.id, owner, coOwner.id, refuseTransfer))
      .toEqual({ status: 'refused', message: 'That member is already an owner.' });
    expect(await rolesOf(workspace.id)).toEqual({ [owner.id]: 'owner', [admin.id]: 'admin', [viewer.id]: 'viewer', [coOwner.id]: 'owner' });
    expect(await listAuditEvents(workspace.id, { action: 'ownership_transferred' })).toEqual([]);
  });

  it('lets only one of two simultaneous transfers by the sole owner through', async () => {
    const { user: owner, workspace } = await createTestWorkspace('transfer-race');
    const x = await addMember(workspace.id, 'admin');
    const y = await addMember(workspace.id, 'viewer');
    const results = await Promise.all([x, y].map((to) => transferOwnership(workspace.id, owner, to.id, refuseTransfer)));
    expect(results.map((r) => r.status).sort()).toEqual(['done', 'refused']);
    const winner = results[0]!.status === 'done' ? x : y;
    const loser = winner === x ? y : x;
    // The loser keeps their role; the refused call found its actor already an admin under the lock.
    expect(await rolesOf(workspace.id)).toEqual({ [owner.id]: 'admin', [winner.id]: 'owner', [loser.id]: winner === x ? 'viewer' : 'admin' });
    expect(results.find((r) => r.status === 'refused')).toEqual({ status: 'refused', message: 'Only an owner can transfer ownership, and you are no longer one.' });
    expect(await listAuditEvents(workspace.id, { action: 'ownership_transferred' })).toHaveLength(1);
  });
});

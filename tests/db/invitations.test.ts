import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { listAuditEvents } from '@/db/queries/audit';
import { acceptInvitation, createInvitation, getPendingInvitation, listPendingInvitations, renewInvitation, revokeInvitation } from '@/db/queries/invitations';
import { getMembershipBySlug } from '@/db/queries/workspaces';
import { createUser } from '@/db/queries/users';
import { invitations, memberships } from '@/db/schema';
import { createInvitationToken, hashInvitationToken, INVITATION_TTL_MS } from '@/lib/invitations/token';
import { createTestWorkspace } from '@/tests/helpers/db';

afterAll(closeConnection);

describe('invitations', () => {
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  beforeAll(async () => {
    ws = await createTestWorkspace('invite');
  });

  async function invite(email: string, expiresAt = new Date(Date.now() + INVITATION_TTL_MS)) {
    const { token, tokenHash } = createInvitationToken();
    const row = await createInvitation({ workspaceId: ws.workspace.id, email, role: 'viewer', invitedBy: ws.user.id, tokenHash, expiresAt });
    const user = (await createUser({ email, name: null, passwordHash: 'x' }))!;
    return { token, tokenHash, row, user };
  }
  const accept = (token: string, user: { id: string; email: string }) => acceptInvitation({ tokenHash: hashInvitationToken(token), user });

  it('stores a 32-byte token only as its SHA-256', async () => {
    const { token, row } = await invite(`hash-${randomUUID()}@example.test`);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(await (await getDb()).select().from(invitations).where(eq(invitations.id, row.id)));
    expect(stored).not.toContain(token);
  });

  it('accepts once for the invited e-mail, adds the membership and audits it', async () => {
    const { token, user } = await invite(`once-${randomUUID()}@example.test`);
    expect(await accept(token, user)).toBe(ws.workspace.slug);
    expect((await getMembershipBySlug(user.id, ws.workspace.slug))?.role).toBe('viewer');
    expect(await accept(token, user)).toBeNull();
    const [event] = await listAuditEvents(ws.workspace.id, { action: 'invitation_accepted' });
    expect(event).toMatchObject({ actorEmail: user.email, detail: { email: user.email, role: 'viewer' } });
  });

  it('refuses a signed-in user with another e-mail, leaving the invitation pending', async () => {
    const { token, row } = await invite(`right-${randomUUID()}@example.test`);
    const other = (await createUser({ email: `other-${randomUUID()}@example.test`, name: null, passwordHash: 'x' }))!;
    expect(await accept(token, other)).toBeNull();
    expect(await getMembershipBySlug(other.id, ws.workspace.slug)).toBeNull();
    expect((await listPendingInvitations(ws.workspace.id)).map((i) => i.id)).toContain(row.id);
  });

  it('refuses expired, revoked and unknown tokens alike', async () => {
    const expired = await invite(`expired-${randomUUID()}@example.test`, new Date(Date.now() - 1000));
    const revoked = await invite(`revoked-${randomUUID()}@example.test`);
    expect(await revokeInvitation(ws.workspace.id, revoked.row.id, ['viewer'])).not.toBeNull();
    expect(await accept(expired.token, expired.user)).toBeNull();
    expect(await accept(revoked.token, revoked.user)).toBeNull();
    expect(await accept(createInvitationToken().token, revoked.user)).toBeNull();
    expect(await getPendingInvitation(expired.tokenHash)).toBeNull();
  });

  it('re-sending replaces the token: the old link stops working, the new one works', async () => {
    const first = await invite(`resend-${randomUUID()}@example.test`);
    const next = createInvitationToken();
    expect(await renewInvitation(ws.workspace.id, first.row.id, ['viewer'], { tokenHash: next.tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })).not.toBeNull();
    expect(await accept(first.token, first.user)).toBeNull();
    expect(await accept(next.token, first.user)).toBe(ws.workspace.slug);
  });

  it("refuses to re-send or revoke an invitation for a role above the actor's (break-it test: an admin re-sent an owner link to himself)", async () => {
    const { tokenHash } = createInvitationToken();
    const row = await createInvitation({ workspaceId: ws.workspace.id, email: `owner-${randomUUID()}@example.test`, role: 'owner', invitedBy: ws.user.id, tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) });
    const adminCanGrant = ['viewer', 'analyst', 'admin'] as const;
    const next = createInvitationToken();
    expect(await renewInvitation(ws.workspace.id, row.id, [...adminCanGrant], { tokenHash: next.tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })).toBeNull();
    expect(await revokeInvitation(ws.workspace.id, row.id, [...adminCanGrant])).toBeNull();
    // Still pending, and still reachable by its original token only.
    expect((await getPendingInvitation(tokenHash))?.role).toBe('owner');
    expect(await getPendingInvitation(next.tokenHash)).toBeNull();
  });

  it("grants no more than the inviter holds when it is accepted (break-it test 3: a demoted admin's admin invitation still made an admin)", async () => {
    const admin = (await createUser({ email: `inviter-${randomUUID()}@example.test`, name: null, passwordHash: 'x' }))!;
    const db = await getDb();
    await db.insert(memberships).values({ workspaceId: ws.workspace.id, userId: admin.id, role: 'admin' });
    const issue = async (role: 'admin' | 'analyst') => {
      const { token, tokenHash } = createInvitationToken();
      const email = `by-admin-${randomUUID()}@example.test`;
      await createInvitation({ workspaceId: ws.workspace.id, email, role, invitedBy: admin.id, tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) });
      return { token, tokenHash, user: (await createUser({ email, name: null, passwordHash: 'x' }))! };
    };
    const asAdmin = await issue('admin');
    const asAnalyst = await issue('analyst');
    await db.update(memberships).set({ role: 'analyst' }).where(and(eq(memberships.workspaceId, ws.workspace.id), eq(memberships.userId, admin.id)));
    expect(await getPendingInvitation(asAdmin.tokenHash)).toBeNull();
    expect(await accept(asAdmin.token, asAdmin.user)).toBeNull();
    expect(await getMembershipBySlug(asAdmin.user.id, ws.workspace.slug)).toBeNull();
    // Within the inviter's role now: still good.
    expect(await accept(asAnalyst.token, asAnalyst.user)).toBe(ws.workspace.slug);
    // The owner re-sends the admin invitation: they are its inviter now, and it works again.
    const next = createInvitationToken();
    const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, asAdmin.tokenHash));
    expect(await renewInvitation(ws.workspace.id, row!.id, ['owner', 'admin', 'analyst', 'viewer'], { tokenHash: next.tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS), invitedBy: ws.user.id })).not.toBeNull();
    expect(await accept(next.token, asAdmin.user)).toBe(ws.workspace.slug);
    // An inviter who left the workspace grants nothing.
    const later = await issue('analyst');
    await db.delete(memberships).where(and(eq(memberships.workspaceId, ws.workspace.id), eq(memberships.userId, admin.id)));
    expect(await accept(later.token, later.user)).toBeNull();
  });

  it('a second invitation to the same address revokes the first', async () => {
    const email = `twice-${randomUUID()}@example.test`;
    const a = createInvitationToken();
    const b = createInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await createInvitation({ workspaceId: ws.workspace.id, email, role: 'viewer', invitedBy: ws.user.id, tokenHash: a.tokenHash, expiresAt });
    await createInvitation({ workspaceId: ws.workspace.id, email, role: 'analyst', invitedBy: ws.user.id, tokenHash: b.tokenHash, expiresAt });
    const pending = (await listPendingInvitations(ws.workspace.id)).filter((i) => i.email === email);
    expect(pending.map((i) => i.role)).toEqual(['analyst']);
  });
});

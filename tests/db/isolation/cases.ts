import type { Role } from '@/db/schema';
import { idle } from '@/lib/action-state';
import { changePasswordAction } from '@/app/(dashboard)/account/actions';
import { acceptInvitationAction } from '@/app/(auth)/invite/[token]/actions';
import { createWorkspaceAction } from '@/app/(dashboard)/actions';
import { GET as exportCustomers } from '@/app/(dashboard)/w/[slug]/customers/export/route';
import { cancelImportAction, commitImportAction, deleteImportAction } from '@/app/(dashboard)/w/[slug]/data/actions';
import { GET as getImportProgress } from '@/app/api/w/[slug]/imports/[id]/route';
import { POST as uploadFile } from '@/app/api/w/[slug]/uploads/route';
import * as members from '@/app/(dashboard)/w/[slug]/settings/members/actions';
import { deleteWorkspaceAction, updateWorkspaceSettingsAction } from '@/app/(dashboard)/w/[slug]/settings/workspace/actions';
import { form, getImportStatusInA, getRoleInA, isInvitationIntact, type IsolationFixture } from './fixture';
import { as } from './session';

export type Case =
  /** Reachable without a session on purpose; `why` says why that is safe. */
  | { kind: 'public'; why: string }
  /** Needs a session but no workspace; without one it must redirect to sign-in. */
  | { kind: 'signed-in'; call: (fx: IsolationFixture) => Promise<unknown>; crossTenant?: (fx: IsolationFixture) => Promise<boolean> }
  | {
      kind: 'workspace';
      minimum: Role;
      /** Calls the handler for workspace `slug` as whoever is signed in. */
      call: (slug: string, fx: IsolationFixture) => Promise<unknown>;
      /** Checks what the minimum role got, so a guard that lets nobody through also fails. */
      allowed?: (result: unknown, fx: IsolationFixture) => void | Promise<void>;
      /** B's owner, inside B, names one of A's resources; resolves true when A is untouched. */
      crossTenant?: (fx: IsolationFixture) => Promise<boolean>;
    };

const exportUrl = (slug: string) => new Request(`http://test.local/w/${slug}/customers/export`);
const inB = (fx: IsolationFixture) => fx.b.workspace.slug;
const uploadRequest = (slug: string) => new Request(`http://test.local/api/w/${slug}/uploads`, {
  method: 'POST',
  headers: {
    'x-file-name': 'isolation.csv',
    'x-import-options': encodeURIComponent(JSON.stringify({ delimiter: ',', hasHeader: 'true', customerId: '0', date: '1', amount: '2', currency: 'USD' })),
  },
  body: 'customer_id,date,amount\nnew@example.test,2024-03-01,1.00\n',
});

/** One case per route handler and server action under app/, keyed `file#export`. */
export const CASES: Record<string, Case> = {
  'app/(auth)/actions.ts#signInWithPassword': { kind: 'public', why: 'signs in with credentials; throttled per e-mail and IP' },
  'app/(auth)/actions.ts#signUpWithPassword': { kind: 'public', why: 'creates an account with no memberships' },
  'app/(auth)/actions.ts#signInWithProvider': { kind: 'public', why: 'redirects to a configured OAuth provider' },
  'app/(dashboard)/actions.ts#signOutAction': { kind: 'public', why: "ends only the caller's own session" },
  'app/api/auth/[...nextauth]/route.ts#GET': { kind: 'public', why: 'Auth.js endpoints; they expose only the caller\'s own session' },
  'app/api/auth/[...nextauth]/route.ts#POST': { kind: 'public', why: 'Auth.js endpoints, CSRF-checked by Auth.js' },

  'app/(dashboard)/actions.ts#createWorkspaceAction': {
    kind: 'signed-in',
    call: () => createWorkspaceAction(idle, form({ name: 'Isolation new', currency: 'USD', timeZone: 'UTC' })),
  },
  'app/(dashboard)/account/actions.ts#changePasswordAction': {
    kind: 'signed-in',
    call: () => changePasswordAction(idle, form({ currentPassword: 'x', newPassword: 'a-long-new-password' })),
  },
  'app/(auth)/invite/[token]/actions.ts#acceptInvitationAction': {
    kind: 'signed-in',
    call: (fx) => acceptInvitationAction(fx.a.token, idle, form()),
    // B's owner holds A's link but is not the invited address: nothing happens in A.
    crossTenant: async (fx) => {
      const result = await as(fx.b.user, () => acceptInvitationAction(fx.a.token, idle, form()));
      return (result as { status: string }).status === 'error' && (await getRoleInA(fx, fx.b.user.id)) === null && (await isInvitationIntact(fx));
    },
  },

  'app/(dashboard)/w/[slug]/customers/export/route.ts#GET': {
    kind: 'workspace',
    minimum: 'analyst',
    call: (slug) => exportCustomers(exportUrl(slug), { params: Promise.resolve({ slug }) }),
    allowed: async (result) => {
      const response = result as Response;
      if (response.status !== 200 || !(await response.text()).includes('secret@example.test')) throw new Error('export did not return A\'s customer');
    },
    crossTenant: async (fx) => {
      const response = await as(fx.b.user, () => exportCustomers(exportUrl(inB(fx)), { params: Promise.resolve({ slug: inB(fx) }) }));
      return !(await response.text()).includes('secret@example.test');
    },
  },
  'app/(dashboard)/w/[slug]/settings/workspace/actions.ts#updateWorkspaceSettingsAction': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug) => updateWorkspaceSettingsAction(slug, idle, form({ name: 'Renamed', timeZone: 'Europe/Berlin', grossMarginPercent: '60', monthlyDiscountPercent: '1.5' })),
    allowed: async (result) => {
      expectSuccess(result);
      const { getDb } = await import('@/db');
      const { workspaces } = await import('@/db/schema');
      const { eq } = await import('drizzle-orm');
      const rows = await (await getDb()).select().from(workspaces).where(eq(workspaces.name, 'Renamed'));
      if (!rows.some((w) => w.grossMargin === 0.6 && w.monthlyDiscountRate === 0.015 && w.timeZone === 'Europe/Berlin')) throw new Error('settings not stored');
    },
  },
  'app/(dashboard)/w/[slug]/data/actions.ts#commitImportAction': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => commitImportAction(slug, fx.a.checkedImportId, idle, form()),
    allowed: (result) => expectSuccess(result),
    crossTenant: async (fx) => {
      await as(fx.b.user, () => commitImportAction(inB(fx), fx.a.checkedImportId, idle, form()));
      return (await getImportStatusInA(fx, fx.a.checkedImportId)) === 'checked';
    },
  },
  'app/(dashboard)/w/[slug]/data/actions.ts#cancelImportAction': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => cancelImportAction(slug, fx.a.checkedImportId),
    allowed: (result) => expectSuccess(result),
    crossTenant: async (fx) => {
      await as(fx.b.user, () => cancelImportAction(inB(fx), fx.a.checkedImportId));
      return (await getImportStatusInA(fx, fx.a.checkedImportId)) === 'checked';
    },
  },
  'app/(dashboard)/w/[slug]/data/actions.ts#deleteImportAction': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => deleteImportAction(slug, fx.a.importId),
    allowed: (result) => expectSuccess(result),
    crossTenant: async (fx) => {
      await as(fx.b.user, () => deleteImportAction(inB(fx), fx.a.importId));
      return (await getImportStatusInA(fx, fx.a.importId)) === 'completed';
    },
  },
  'app/api/w/[slug]/uploads/route.ts#POST': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug) => uploadFile(uploadRequest(slug), { params: Promise.resolve({ slug }) }),
    allowed: (result) => {
      if ((result as Response).status !== 202) throw new Error(`upload answered ${(result as Response).status}`);
    },
  },
  'app/api/w/[slug]/imports/[id]/route.ts#GET': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => getImportProgress(new Request('http://test.local/'), { params: Promise.resolve({ slug, id: fx.a.importId }) }),
    allowed: async (result) => {
      const body = (await (result as Response).json()) as { status?: string };
      if (body.status !== 'completed') throw new Error(`progress answered ${JSON.stringify(body)}`);
    },
    crossTenant: async (fx) => {
      const response = await as(fx.b.user, () => getImportProgress(new Request('http://test.local/'), { params: Promise.resolve({ slug: inB(fx), id: fx.a.importId }) }));
      return response.status === 404;
    },
  },
  'app/(dashboard)/w/[slug]/settings/members/actions.ts#inviteMember': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug) => members.inviteMember(slug, idle, form({ email: 'isolation-new@example.test', role: 'viewer' })),
    allowed: (result) => expectSuccess(result),
  },
  'app/(dashboard)/w/[slug]/settings/members/actions.ts#resendInvitation': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => members.resendInvitation(slug, idle, form({ invitationId: fx.a.invitation.id })),
    allowed: (result) => expectSuccess(result),
    crossTenant: async (fx) => {
      await as(fx.b.user, () => members.resendInvitation(inB(fx), idle, form({ invitationId: fx.a.invitation.id })));
      return isInvitationIntact(fx);
    },
  },
  'app/(dashboard)/w/[slug]/settings/members/actions.ts#revokeInvitationAction': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => members.revokeInvitationAction(slug, idle, form({ invitationId: fx.a.invitation.id })),
    allowed: (result) => expectSuccess(result),
    crossTenant: async (fx) => {
      await as(fx.b.user, () => members.revokeInvitationAction(inB(fx), idle, form({ invitationId: fx.a.invitation.id })));
      return isInvitationIntact(fx);
    },
  },
  'app/(dashboard)/w/[slug]/settings/members/actions.ts#changeMemberRole': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => members.changeMemberRole(slug, idle, form({ userId: fx.a.members.viewer.id, role: 'analyst' })),
    allowed: (result) => expectSuccess(result),
    crossTenant: async (fx) => {
      await as(fx.b.user, () => members.changeMemberRole(inB(fx), idle, form({ userId: fx.a.members.viewer.id, role: 'owner' })));
      return (await getRoleInA(fx, fx.a.members.viewer.id)) === 'viewer';
    },
  },
  'app/(dashboard)/w/[slug]/settings/members/actions.ts#removeMember': {
    kind: 'workspace',
    minimum: 'admin',
    call: (slug, fx) => members.removeMember(slug, idle, form({ userId: fx.a.members.viewer.id })),
    allowed: (result) => expectSuccess(result),
    crossTenant: async (fx) => {
      await as(fx.b.user, () => members.removeMember(inB(fx), idle, form({ userId: fx.a.members.viewer.id })));
      return (await getRoleInA(fx, fx.a.members.viewer.id)) === 'viewer';
    },
  },
  'app/(dashboard)/w/[slug]/settings/members/actions.ts#leaveWorkspace': {
    kind: 'workspace',
    minimum: 'viewer',
    call: (slug) => members.leaveWorkspace(slug, idle, form()),
  },
  'app/(dashboard)/w/[slug]/settings/members/actions.ts#transferOwnershipAction': {
    kind: 'workspace',
    minimum: 'owner',
    // Success redirects, so what the owner got is read back from A's memberships.
    call: (slug, fx) => members.transferOwnershipAction(slug, idle, form({ userId: fx.a.members.admin.id, confirmName: fx.a.workspace.name })),
    allowed: async (_result, fx) => {
      const roles = [await getRoleInA(fx, fx.a.members.admin.id), await getRoleInA(fx, fx.a.members.owner.id)];
      if (roles.join() !== 'owner,admin') throw new Error(`after the transfer A's admin and owner are ${roles.join(' and ')}`);
    },
    crossTenant: async (fx) => {
      const result = await as(fx.b.user, () => members.transferOwnershipAction(inB(fx), idle, form({ userId: fx.a.members.admin.id, confirmName: fx.b.workspace.name })));
      // The same answer as for any id that is not a member of B: nothing says the user exists.
      return (result as { message?: string }).message === 'That person is not a member of this workspace.'
        && (await getRoleInA(fx, fx.a.members.admin.id)) === 'admin' && (await getRoleInA(fx, fx.a.members.owner.id)) === 'owner';
    },
  },
  'app/(dashboard)/w/[slug]/settings/workspace/actions.ts#deleteWorkspaceAction': {
    kind: 'workspace',
    minimum: 'owner',
    // The right name, so a call that gets past the guard really deletes (and redirects).
    call: (slug, fx) => deleteWorkspaceAction(slug, idle, form({ confirmName: fx.a.workspace.name })),
  },
};

function expectSuccess(result: unknown): void {
  const state = result as { status: string; message?: string };
  if (state.status !== 'success') throw new Error(`expected success, got ${state.status}: ${state.message}`);
}

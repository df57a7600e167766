import { recordAuditEvent } from '@/db/queries/audit';
import { listWorkspacesForUser } from '@/db/queries/workspaces';

/** A sign-in is an event in every workspace the user can now open, so each admin sees it. */
export async function recordSignIn(user: { id?: string; email?: string | null }, provider: string): Promise<void> {
  if (!user.id || !user.email) return;
  const workspaces = await listWorkspacesForUser(user.id);
  for (const w of workspaces) {
    await recordAuditEvent({ workspaceId: w.id, actor: { id: user.id, email: user.email }, action: 'sign_in', detail: { provider } });
  }
}

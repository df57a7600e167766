'use server';

import { redirect } from 'next/navigation';
import { deleteWorkspace } from '@/db/queries/workspaces';
import { fail, fromZodError, type ActionState } from '@/lib/action-state';
import { requireMembership } from '@/lib/auth/guards';
import { deleteWorkspaceSchema } from '@/lib/validation/workspaces';

/** Deletes the workspace with all its data. Minimum role: owner. */
export async function deleteWorkspaceAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const { user, workspace } = await requireMembership(slug, 'owner');
  const parsed = deleteWorkspaceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error);
  if (parsed.data.confirmName !== workspace.name) return fail(`Type "${workspace.name}" exactly to delete it.`);
  await deleteWorkspace(workspace.id);
  // The workspace's audit trail goes with it, so the deletion is logged on the server instead.
  console.info(`[audit] workspace ${workspace.id} (${workspace.slug}) deleted by ${user.email}`);
  redirect('/w?all=1');
}

'use server';

import { redirect } from 'next/navigation';
import { createWorkspace } from '@/db/queries/workspaces';
import { signOut } from '@/lib/auth';
import { requireUser } from '@/lib/auth/guards';
import { fromZodError, type ActionState } from '@/lib/action-state';
import { createWorkspaceSchema } from '@/lib/validation/workspaces';

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

/** Any signed-in user may create a workspace; they become its owner. */
export async function createWorkspaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/w');
  const values = { name: String(formData.get('name') ?? ''), currency: String(formData.get('currency') ?? ''), timeZone: String(formData.get('timeZone') ?? '') };
  const parsed = createWorkspaceSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  const workspace = await createWorkspace({ ...parsed.data, userId: user.id });
  redirect(`/w/${workspace.slug}/data`);
}

'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { deleteWorkspace, updateWorkspaceSettings } from '@/db/queries/workspaces';
import { fail, fromZodError, ok, type ActionState } from '@/lib/action-state';
import { requireMembership } from '@/lib/auth/guards';
import { queueModelRun } from '@/lib/predictions/run-model-for-workspace';
import { deleteWorkspaceSchema, updateWorkspaceSettingsSchema } from '@/lib/validation/workspaces';

/** Name, time zone, gross margin and discount rate. Minimum role: admin. A new margin or rate refits the predictions. */
export async function updateWorkspaceSettingsAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const { workspace } = await requireMembership(slug, 'admin');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = updateWorkspaceSettingsSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  const grossMargin = Math.round(parsed.data.grossMarginPercent * 100) / 10_000;
  const monthlyDiscountRate = Math.round(parsed.data.monthlyDiscountPercent * 100) / 10_000;
  await updateWorkspaceSettings(workspace.id, { name: parsed.data.name, timeZone: parsed.data.timeZone, grossMargin, monthlyDiscountRate });
  const refit = grossMargin !== workspace.grossMargin || monthlyDiscountRate !== workspace.monthlyDiscountRate || parsed.data.timeZone !== workspace.timeZone;
  if (refit) await queueModelRun({ workspaceId: workspace.id });
  revalidatePath(`/w/${workspace.slug}`, 'layout');
  return ok(refit ? 'Saved. The predictions are being recomputed with the new settings.' : 'Saved.');
}

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

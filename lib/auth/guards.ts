import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getUserById } from '@/db/queries/users';
import { getMembershipBySlug } from '@/db/queries/workspaces';
import type { Role } from '@/db/schema';
import { auth } from './index';
import { hasRole } from './roles';

/**
 * The signed-in user, or null. A token whose user no longer exists, or that was issued before the
 * user's last password change (an older session version), counts as signed out.
 */
export const getCurrentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById(id);
  if (!user || user.sessionVersion !== (session.user.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name };
});

/** The signed-in user; otherwise a redirect to sign-in that comes back to `callbackUrl`. */
export async function requireUser(callbackUrl?: string) {
  const user = await getCurrentUser();
  if (!user) redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/sign-in');
  return user;
}

/**
 * The guard every workspace page, action and route handler calls first. Not a member, or a role
 * below `minimum`, answers 404: we never confirm that a workspace exists to an outsider.
 */
export async function requireMembership(slug: string, minimum: Role) {
  const user = await requireUser(`/w/${slug}`);
  const membership = await getMembershipBySlug(user.id, slug);
  if (!membership || !hasRole(membership.role, minimum)) notFound();
  return { user, workspace: membership.workspace, role: membership.role };
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { withBulkTransaction } from '../bulk';
import { memberships, workspaces, type Role } from '../schema';
import { lockWorkspaceImports } from './imports';

export interface WorkspaceMembership {
  workspace: typeof workspaces.$inferSelect;
  role: Role;
}

/** The workspace with this slug if the user is a member of it, else null (not a member = not found). */
export async function getMembershipBySlug(userId: string, slug: string, db?: Db): Promise<WorkspaceMembership | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ workspace: workspaces, role: memberships.role })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, userId)))
    .where(eq(workspaces.slug, slug));
  return row ?? null;
}

/** A workspace by id, for background jobs (which carry ids, not a user): null when it is gone. */
export async function getWorkspaceById(workspaceId: string, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row ?? null;
}

/** The user's workspaces, by name. */
export async function listWorkspacesForUser(userId: string, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
}

/** "Acme Shop!" → "acme-shop". */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'workspace';
}

/**
 * Creates a workspace with the creator as owner, in one transaction. The slug is the name's slug,
 * suffixed -2, -3… until the unique index accepts it. Two people creating "Acme" at the same moment
 * can pick the same free slug: the insert then does nothing and the next free one is tried.
 */
export async function createWorkspace(
  input: { name: string; userId: string; currency?: string; timeZone?: string },
  db?: Db,
) {
  const d = db ?? (await getDb());
  const base = slugify(input.name);
  return d.transaction(async (tx) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const taken = await tx
        .select({ slug: workspaces.slug })
        .from(workspaces)
        .where(sql`${workspaces.slug} = ${base} OR ${workspaces.slug} LIKE ${`${base}-%`}`);
      const used = new Set(taken.map((t) => t.slug));
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      const [workspace] = await tx
        .insert(workspaces)
        .values({ name: input.name, slug, createdBy: input.userId, currency: input.currency, timeZone: input.timeZone })
        .onConflictDoNothing({ target: workspaces.slug })
        .returning();
      if (!workspace) continue;
      await tx.insert(memberships).values({ workspaceId: workspace.id, userId: input.userId, role: 'owner' });
      return workspace;
    }
    throw new Error(`No free slug for "${base}" after 20 attempts`);
  });
}

/** Deletes the workspace and, by cascade, everything in it. Returns whether a row went. */
/** Saves an admin's settings; margin and discount as fractions (0.6 = 60 %). */
export async function updateWorkspaceSettings(
  workspaceId: string,
  settings: { name: string; timeZone: string; grossMargin: number; monthlyDiscountRate: number },
  db?: Db,
) {
  const d = db ?? (await getDb());
  const [row] = await d.update(workspaces).set(settings).where(eq(workspaces.id, workspaceId)).returning();
  return row ?? null;
}

/**
 * Deletes the workspace and everything in it. Orders and staged import rows carry no foreign key
 * (see db/schema/orders.ts), so they go explicitly, after the rest has gone by cascade: first the
 * workspace's import lock, so that a merge under way commits before (and its orders are seen here);
 * then the workspace row, whose cascade to its imports waits for a staging batch that holds its
 * import (stageImportRows); so each later statement, with its own snapshot, sees that batch's rows.
 */
export async function deleteWorkspace(workspaceId: string): Promise<boolean> {
  return withBulkTransaction(async (tx) => {
    await lockWorkspaceImports(tx, workspaceId);
    const deleted = await tx.query('DELETE FROM workspaces WHERE id = $1 RETURNING id', [workspaceId]);
    await tx.query('DELETE FROM orders WHERE workspace_id = $1', [workspaceId]);
    await tx.query('DELETE FROM import_rows WHERE workspace_id = $1', [workspaceId]);
    return deleted.length === 1;
  });
}

import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/passwords';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { importFile } from './queries/import-file';
import { createUser, getUserByEmail } from './queries/users';
import { createWorkspace } from './queries/workspaces';
import { getDb } from './index';
import { imports, memberships, workspaces } from './schema';

export const DEMO_EMAIL = 'demo@worthwise.test';
export const DEMO_PASSWORD = 'worthwise-demo';
export const DEMO_WORKSPACE = 'CDNOW demo';
const DEMO_FILE = resolve(process.cwd(), 'data/CDNOW_master.txt');
// The import report's "now": fixed, so seeding stays deterministic (CDNOW ends in June 1998).
const SEED_AS_OF = new Date('1998-07-01T00:00:00Z');

/**
 * Idempotent: the demo user, its "CDNOW demo" workspace and the full CDNOW_master file imported
 * through the same path as an upload. Running it again changes nothing.
 */
export async function seedDemo(): Promise<{ slug: string; imported: boolean }> {
  const db = await getDb();
  const user =
    (await getUserByEmail(DEMO_EMAIL)) ??
    (await createUser({ email: DEMO_EMAIL, name: 'Demo user', passwordHash: await hashPassword(DEMO_PASSWORD) }));
  if (!user) throw new Error('Could not create the demo user');
  const [existing] = await db
    .select({ workspace: workspaces })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, user.id)))
    .where(eq(workspaces.name, DEMO_WORKSPACE));
  const workspace = existing?.workspace ?? (await createWorkspace({ name: DEMO_WORKSPACE, userId: user.id }));
  const [anyImport] = await db.select({ id: imports.id }).from(imports).where(eq(imports.workspaceId, workspace.id)).limit(1);
  if (anyImport) return { slug: workspace.slug, imported: false };
  await importFile({
    workspaceId: workspace.id,
    userId: user.id,
    timeZone: workspace.timeZone,
    fileName: 'CDNOW_master.txt',
    openBytes: () => createReadStream(DEMO_FILE),
    asOf: SEED_AS_OF,
    // CDNOW_master: customer_id date number_of_cds dollar_value, whitespace-separated, YYYYMMDD.
    input: importTransactionsSchema.parse({
      delimiter: 'whitespace', hasHeader: true, customerId: 0, date: 1, quantity: 2, amount: 3, dateFormat: 'YYYYMMDD', currency: 'USD',
    }),
  });
  return { slug: workspace.slug, imported: true };
}

export function printDemoLogin(slug: string): void {
  console.log(`\n  Demo login:  ${DEMO_EMAIL}  /  ${DEMO_PASSWORD}`);
  console.log(`  Workspace:   http://localhost:3000/w/${slug}\n`);
}

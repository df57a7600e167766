import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/passwords';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { runModelNow, type ModelRunReport } from '@/lib/predictions/run-model-for-workspace';
import { importFile } from './queries/import-file';
import { hasCompletedModelRun } from './queries/model-runs';
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

export interface SeedDemoResult {
  slug: string;
  imported: boolean;
  /** The model run made now, or null when the demo already had a completed one. */
  modelRun: ModelRunReport | null;
}

/**
 * Idempotent: the demo user, its "CDNOW demo" workspace, the full CDNOW_master file imported
 * through the same path as an upload, and one completed model run, made here synchronously so the
 * demo opens with predictions. Running it again changes nothing; a demo with data but no completed
 * run (seeded before predictions existed, or the run failed) gets its run.
 */
export async function seedDemo(): Promise<SeedDemoResult> {
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
  const importId = anyImport ? null : await importCdnow(workspace, user.id);
  const modelRun = (await hasCompletedModelRun(workspace.id)) ? null : await runModelNow({ workspaceId: workspace.id, triggeredByImportId: importId });
  if (modelRun && modelRun.status !== 'completed') throw new Error(`The demo model run ${modelRun.status}: ${modelRun.message}`);
  return { slug: workspace.slug, imported: !anyImport, modelRun };
}

async function importCdnow(workspace: { id: string; timeZone: string }, userId: string): Promise<string> {
  const summary = await importFile({
    workspaceId: workspace.id,
    userId,
    timeZone: workspace.timeZone,
    fileName: 'CDNOW_master.txt',
    openBytes: () => createReadStream(DEMO_FILE),
    asOf: SEED_AS_OF,
    // CDNOW_master: customer_id date number_of_cds dollar_value, whitespace-separated, YYYYMMDD.
    input: importTransactionsSchema.parse({
      delimiter: 'whitespace', hasHeader: true, customerId: 0, date: 1, quantity: 2, amount: 3, dateFormat: 'YYYYMMDD', currency: 'USD',
    }),
  });
  return summary.importId;
}

export function printModelRun({ seconds: s }: ModelRunReport): void {
  const total = s.histories + s.fit + s.backtest + s.write;
  console.log(`Fitted the demo model in ${total.toFixed(2)} s (histories ${s.histories.toFixed(2)}, fit ${s.fit.toFixed(2)}, backtest ${s.backtest.toFixed(2)}, write ${s.write.toFixed(2)}).`);
}

export function printDemoLogin(slug: string): void {
  console.log(`\n  Demo login:  ${DEMO_EMAIL}  /  ${DEMO_PASSWORD}`);
  // next dev and next start listen on PORT when it is set, 3000 otherwise.
  console.log(`  Workspace:   http://localhost:${process.env.PORT ?? 3000}/w/${slug}\n`);
}

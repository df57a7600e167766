// deleteWorkspace against every table of the schema (read from information_schema, so a table added
// later is covered too): no row with the deleted workspace_id anywhere, and every other workspace's
// rows byte-for-byte the same.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb, queryRows } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { recordAuditEvent } from '@/db/queries/audit';
import { deleteImport } from '@/db/queries/delete-import';
import { createInvitation } from '@/db/queries/invitations';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import { deleteWorkspace } from '@/db/queries/workspaces';
import { runImportJob } from '@/lib/imports/run-import-job';
import { createInvitationToken, INVITATION_TTL_MS } from '@/lib/invitations/token';
import { runModelNow } from '@/lib/predictions/run-model-for-workspace';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, importText, readCdnowSample } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';
import { FULL_INPUT, globalOrphans, importViaJob, leftovers, toCsv, type Row, type Target } from './reference-model';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const r = (c: string, day: number, amount: number, orderId: string | null = null): Row => ({ c, t: T0 + day * 86_400_000, amount, orderId, qty: null });

/** Every base table of the public schema with a workspace_id column. */
async function tenantTables(): Promise<string[]> {
  const db = await getDb();
  const rows = await queryRows<{ t: string }>(db, sql`SELECT c.table_name AS t FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.column_name = 'workspace_id' ORDER BY 1`);
  return rows.map((x) => x.t);
}

/** table → [row count, md5 of all rows as text] for the workspace (workspaces itself by id). */
async function fingerprintWorkspace(workspaceId: string) {
  const db = await getDb();
  const out: Record<string, [number, string | null]> = {};
  for (const table of [...(await tenantTables()), 'workspaces']) {
    const column = table === 'workspaces' ? 'id' : 'workspace_id';
    const [row] = await queryRows<{ n: number; h: string | null }>(db, sql.raw(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${table}" x WHERE x.${column} = '${workspaceId}'`));
    out[table] = [row!.n, row!.h];
  }
  return out;
}

async function fill(t: Target) {
  await importText(t, readCdnowSample(150), CDNOW_SAMPLE_INPUT);
  await importViaJob(t, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -1000, '#1'), r('bob', 2, 300)]));
  await importViaJob(t, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -3000, '#1')]));
  await importViaJob(t, toCsv([r('ann', 0, 8000, '#1'), r('ann', 0, -5000, '#1'), r('cat', 3, 900, '#9')]));
  expect((await runModelNow({ workspaceId: t.workspace.id })).status).toBe('completed');
  // A checked upload (staged rows), a failed one that kept staged rows (a crashed job), a rejected one.
  const checked = await uploadText(t, toCsv([r('dan', 1, 500, 'w1'), r('eve', 1, 600, 'w2')]), FULL_INPUT);
  await runImportJob({ workspaceId: t.workspace.id, importId: checked, step: 'check' });
  expect((await getImport(t.workspace.id, checked))?.status).toBe('checked');
  const failed = await uploadText(t, toCsv([r('fay', 1, 500, 'w3')]), FULL_INPUT);
  await runImportJob({ workspaceId: t.workspace.id, importId: failed, step: 'check' });
  await transitionImport(t.workspace.id, failed, ['checked'], 'failed');
  const rejected = await uploadText(t, 'customer_id,date,amount,order_id,quantity\nx,not a date,1.00,,\n', FULL_INPUT);
  await runImportJob({ workspaceId: t.workspace.id, importId: rejected, step: 'check' });
  expect((await getImport(t.workspace.id, rejected))?.status).toBe('rejected');
  const { tokenHash } = createInvitationToken();
  await createInvitation({ workspaceId: t.workspace.id, email: `inv-${randomUUID()}@example.test`, role: 'viewer', invitedBy: t.user.id, tokenHash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) });
  await recordAuditEvent({ workspaceId: t.workspace.id, actor: t.user, action: 'import', detail: { b6: true } });
}

describe('deleteWorkspace, every table', () => {
  it('leaves no row with the workspace id in any table; another workspace is byte-for-byte the same', async () => {
    const tables = await tenantTables();
    // The tables this pass knows hold tenant rows; a new one shows up here first.
    expect(tables).toEqual(expect.arrayContaining(['audit_events', 'customer_predictions', 'customers', 'import_rows', 'imports',
      'invitations', 'memberships', 'model_runs', 'orders', 'refund_revisions']));
    const t = await createTestWorkspace('merge-wipe');
    const other = await createTestWorkspace('merge-wipe-other');
    await fill(t);
    await fill(other);
    const mine = await fingerprintWorkspace(t.workspace.id);
    for (const table of tables) expect(mine[table]![0], `${table} is filled before the delete`).toBeGreaterThan(0);
    const before = await fingerprintWorkspace(other.workspace.id);
    const orphansBefore = await globalOrphans();

    expect(await deleteWorkspace(t.workspace.id)).toBe(true);

    const after = await fingerprintWorkspace(t.workspace.id);
    for (const [table, [n]] of Object.entries(after)) expect(n, `${table} rows of the deleted workspace`).toBe(0);
    expect(await fingerprintWorkspace(other.workspace.id)).toEqual(before);
    expect(await globalOrphans()).toEqual(orphansBefore);
    expect(await leftovers(other.workspace.id)).toMatchObject({ drift: 0, orders_without_customer: 0, orders_without_import: 0 });
    // A second delete finds nothing.
    expect(await deleteWorkspace(t.workspace.id)).toBe(false);
    // Deleting imports of the other workspace afterwards still works and keeps it consistent.
    const imports = await queryRows<{ id: string }>(await getDb(), sql`SELECT id FROM imports WHERE workspace_id = ${other.workspace.id} AND status = 'completed' ORDER BY created_at`);
    for (const { id } of imports) expect(await deleteImport(other.workspace.id, id)).not.toBe('not-found');
    expect(await leftovers(other.workspace.id)).toMatchObject({ orders: 0, customers: 0, revisions: 0, drift: 0 });
  }, 180_000);
});

// deleteWorkspace meeting an import job without any artificial lock: the owner presses "Delete
// workspace" while an upload is committed. orders and import_rows have no foreign key, so only the
// workspace's import lock (taken by both) keeps rows of a deleted workspace from being left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import { deleteWorkspace } from '@/db/queries/workspaces';
import { runImportJob } from '@/lib/imports/run-import-job';
import { createTestWorkspace } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';
import { FULL_INPUT, isPostgres } from './reference-model';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

async function commitWithDeleteDuring(t: Awaited<ReturnType<typeof createTestWorkspace>>, text: string, pattern: string, admin: postgres.Sql) {
  const importId = await uploadText(t, text, FULL_INPUT);
  await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });
  expect((await getImport(t.workspace.id, importId))?.status).toBe('checked');
  expect(await transitionImport(t.workspace.id, importId, ['checked'], 'importing')).toBe(true);
  const commit = runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
  let seen = false;
  for (let i = 0; i < 2000 && !seen; i++) {
    const [row] = await admin`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query ILIKE ${pattern}`;
    seen = row!.n > 0;
    if (!seen) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(seen, `the merge reached ${pattern}`).toBe(true);
  const deleted = await deleteWorkspace(t.workspace.id);
  await commit;
  const status = (await getImport(t.workspace.id, importId))?.status ?? 'gone';
  const [left] = await admin`SELECT count(*)::int AS orders FROM orders WHERE workspace_id = ${t.workspace.id}`;
  const [rows] = await admin`SELECT count(*)::int AS n FROM import_rows WHERE workspace_id = ${t.workspace.id}`;
  const [ws] = await admin`SELECT count(*)::int AS n FROM workspaces WHERE id = ${t.workspace.id}`;
  console.log(`[race] ${pattern}: deleted=${deleted} import=${status} orders left=${left!.orders} import_rows left=${rows!.n}`);
  return { deleted, ws: ws!.n, orders: left!.orders, importRows: rows!.n };
}

const HEADER = 'customer_id,date,amount,order_id,quantity\n';
/** n orders r0…, every 10th with a refund-only row. */
function base(n: number, refund = 100) {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `c${i % 20_000},2024-0${1 + (i % 9)}-1${i % 10}T10:00:00Z,${(5 + (i % 997) / 100).toFixed(2)},r${i},\n`;
    if (i % 10 === 0) out += `c${i % 20_000},2024-0${1 + (i % 9)}-2${i % 8}T10:00:00Z,-${(refund / 100).toFixed(2)},r${i},\n`;
  }
  return out;
}
function fresh(n: number) {
  let out = '';
  for (let i = 0; i < n; i++) out += `n${i % 20_000},2024-10-1${i % 10}T10:00:00Z,3.00,new${i},\n`;
  return out;
}

describe.skipIf(!isPostgres())('deleteWorkspace while an import commits (PostgreSQL, no artificial locks)', () => {
  let admin: postgres.Sql;
  beforeAll(() => { admin = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} }); });
  afterAll(async () => { await admin.end({ timeout: 5 }); });

  it('a later export that raises refunds and adds 150k orders: the delete comes while the new orders are inserted', async () => {
    const t = await createTestWorkspace('merge-race-natural');
    const first = await uploadText(t, HEADER + base(20_000), FULL_INPUT);
    await runImportJob({ workspaceId: t.workspace.id, importId: first, step: 'check', autoCommit: true });
    expect((await getImport(t.workspace.id, first))?.status).toBe('completed');
    const r = await commitWithDeleteDuring(t, HEADER + base(20_000, 250) + fresh(150_000), '%INSERT INTO orders (workspace_id, customer_id, import_id%', admin);
    expect(r.ws).toBe(0);
    expect({ orders: r.orders, importRows: r.importRows }).toEqual({ orders: 0, importRows: 0 });
  }, 240_000);

  it('a 200k-row first import: the delete comes while the order lines are built', async () => {
    const t = await createTestWorkspace('merge-race-natural-2');
    const r = await commitWithDeleteDuring(t, HEADER + fresh(200_000), '%CREATE TEMP TABLE import_lines%', admin);
    expect(r.ws).toBe(0);
    expect({ orders: r.orders, importRows: r.importRows }).toEqual({ orders: 0, importRows: 0 });
  }, 240_000);
});

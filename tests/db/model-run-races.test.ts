// A model run replacing its workspace's predictions while an import of that workspace is deleted
// (PostgreSQL: two connections). The run deleted the old predictions, then wrote new ones checking
// each customer's foreign key; the deletion removed customers, whose predictions cascade: each
// waited for the other ("deadlock detected", break-it pass 7). Both now take the workspace's
// lock first, so one waits for the other to commit. A third session holds one kept customer so
// the run pauses inside its write, and the deletion starts there.
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { getModelRun } from '@/db/queries/model-runs';
import { enqueueModelRun, executeModelRun, runModelNow } from '@/lib/predictions/run-model-for-workspace';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, importText, readCdnowSample } from '@/tests/helpers/db';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

/** CDNOW_sample with every customer id prefixed, so two imports have customers of their own. */
const renamed = (prefix: string) => readCdnowSample().split('\n').filter(Boolean)
  .map((line) => { const f = line.trim().split(/\s+/); f[1] = `${prefix}${f[1]}`; return f.join(' '); }).join('\n') + '\n';

describe.skipIf(!process.env.DATABASE_URL)('a model run and an import deletion at once', () => {
  it('both finish: the deletion waits for the run to commit', async () => {
    const admin = postgres(process.env.DATABASE_URL!, { max: 3, onnotice: () => {} });
    const holder = await admin.reserve();
    try {
      const t = await createTestWorkspace('run-vs-delete');
      const ws = t.workspace.id;
      await importText(t, renamed('kept-'), CDNOW_SAMPLE_INPUT);
      const doomed = await importText(t, renamed('gone-'), CDNOW_SAMPLE_INPUT);
      expect((await runModelNow({ workspaceId: ws })).status).toBe('completed');

      const [first] = await admin`SELECT min(id)::text AS id FROM customers WHERE workspace_id = ${ws}`;
      await holder`BEGIN`;
      await holder`SELECT 1 FROM customers WHERE workspace_id = ${ws} AND id = ${first!.id} FOR UPDATE`;
      const runId = await enqueueModelRun({ workspaceId: ws });
      const run = executeModelRun(ws, runId);
      const waiting = async (pattern: string) => {
        for (let i = 0; i < 2_000; i++) {
          const [row] = await admin`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE ${pattern}`;
          if (row!.n > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error(`nothing waits on ${pattern}`);
      };
      await waiting('%INSERT INTO customer_predictions%');
      const deletion = deleteImport(ws, doomed.importId);
      await waiting('SELECT pg_advisory_xact_lock%');
      await holder`COMMIT`;

      const [report, removed] = await Promise.all([run, deletion]);
      expect(report.status).toBe('completed');
      expect((await getModelRun(ws, runId))?.status).toBe('completed');
      // Every order and customer of the deleted import (CDNOW_sample's 2,357 customers, renamed) went.
      expect(doomed.customersAdded).toBe(2357);
      expect(removed).toMatchObject({ ordersRemoved: doomed.ordersAdded, customersRemoved: 2357 });
      const [left] = await admin`SELECT count(*)::int AS n FROM customer_predictions p
        WHERE p.workspace_id = ${ws} AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = p.workspace_id AND c.id = p.customer_id)`;
      expect(left!.n).toBe(0);
    } finally {
      await holder`ROLLBACK`.catch(() => {});
      holder.release();
      await admin.end({ timeout: 5 });
    }
  }, 300_000);
});

// A model run that ends after an import was deleted while it was fitting: the deletion took some
// customers with it, and the run keeps the predictions of the customers still there (it failed on
// their foreign key before: "stopped by an unexpected error", found by break-it pass 7).
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db';
import { completeModelRun } from '@/db/queries/complete-model-run';
import { deleteImport } from '@/db/queries/delete-import';
import { createModelRun, getModelRun } from '@/db/queries/model-runs';
import { customerPredictions, customers } from '@/db/schema';
import { createTestWorkspace, importText } from '@/tests/helpers/db';

afterAll(closeConnection);

describe('completing a model run', () => {
  it('keeps the predictions of the customers an import deletion left', async () => {
    const t = await createTestWorkspace('run-after-delete');
    await importText(t, 'customer_id,date,amount\nann,2024-01-01,10.00\nbob,2024-01-02,20.00\n');
    const later = await importText(t, 'customer_id,date,amount\ncara,2024-02-01,30.00\n');
    const db = await getDb();
    const ids = Object.fromEntries((await db.select({ id: customers.id, key: customers.externalId }).from(customers)
      .where(eq(customers.workspaceId, t.workspace.id))).map((c) => [c.key, c.id]));
    const run = await createModelRun({ workspaceId: t.workspace.id, model: 'bgnbd', unit: 'weeks' });
    // The run read three customers' histories; then cara's import is deleted, and cara with it.
    expect(await deleteImport(t.workspace.id, later.importId)).toMatchObject({ ordersRemoved: 1, customersRemoved: 1 });
    const rows = {
      customerIds: [ids.ann!, ids.bob!, ids.cara!],
      expectedPurchases: Float64Array.from([0.5, 1.5, 2.5]),
      probabilityAlive: Float64Array.from([0.9, 0.8, 0.7]),
      overdue: Uint8Array.from([0, 0, 1]),
      expectedSpendMinor: null,
      clvMinor: null,
    };
    const completed = await completeModelRun(t.workspace.id, run.id, { message: null, calibrationEnd: '2024-02-01' }, rows);
    expect(completed).toEqual({ replaced: true, message: null });
    expect(await getModelRun(t.workspace.id, run.id)).toMatchObject({ status: 'completed' });
    const kept = await db.select({ id: customerPredictions.customerId, p: customerPredictions.expectedPurchases12m }).from(customerPredictions)
      .where(and(eq(customerPredictions.workspaceId, t.workspace.id), eq(customerPredictions.modelRunId, run.id)))
      .orderBy(customerPredictions.customerId);
    expect(kept).toEqual([{ id: ids.ann, p: 0.5 }, { id: ids.bob, p: 1.5 }]);
  });
});

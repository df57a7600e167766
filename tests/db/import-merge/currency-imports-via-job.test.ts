// A file in another currency through the background path: the dry run without rates counts what
// the commit at a rate writes; re-importing at another rate changes nothing; a later refund is
// converted at the later rate and put back when that import is deleted.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, getDb, queryRows } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { deleteImport } from '@/db/queries/delete-import';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import type { ImportCheck } from '@/lib/imports/import-check';
import { runImportJob } from '@/lib/imports/run-import-job';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { createTestWorkspace } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';
import { leftovers, pickCounts, storedAggregates, storedOrderKey, type Target } from './reference-model';

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const HEADER = 'customer_id,date,amount,order_id,quantity\n';

describe('a file in another currency: dry run (no rates) vs commit (rate), re-import at another rate, a later refund', () => {
  const eur = importTransactionsSchema.parse({ delimiter: ',', hasHeader: 'true', customerId: 0, date: 1, amount: 2, orderId: 3, quantity: 4, currency: 'EUR' });

  async function viaJob(t: Target, text: string, rate: string) {
    const importId = await uploadText(t, text, eur);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });
    const checked = await getImport(t.workspace.id, importId);
    expect(checked?.status).toBe('checked');
    const preview = (checked!.report as ImportCheck).preview!;
    expect(await transitionImport(t.workspace.id, importId, ['checked'], 'importing', { rates: { EUR: rate } })).toBe(true);
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
    const row = (await getImport(t.workspace.id, importId))!;
    expect(row.status).toBe('completed');
    const committed = (row.report as ImportCheck).preview!;
    return { importId, preview, committed, row };
  }

  async function lines(t: Target) {
    return queryRows<{ k: string; a: string; o: string; c: string }>(await getDb(), sql`SELECT external_key AS k, amount_minor::text AS a,
      original_amount_minor::text AS o, currency AS c FROM orders WHERE workspace_id = ${t.workspace.id} ORDER BY external_key`);
  }

  it('counts agree; the imports row holds the committed summary; the refund is converted at the later rate and put back on delete', async () => {
    const t = await createTestWorkspace('merge-eur');
    const a = await viaJob(t, `${HEADER}ann,2024-01-01,100.00,E1,1\nann,2024-01-02,-10.00,E1,\nbob,2024-01-03,3.33,,2\n`, '1.1');
    expect(pickCounts(a.preview)).toEqual(pickCounts(a.committed));
    expect(a.preview.netTotalMinor).toBeNull();
    expect(a.committed.netTotalMinor).toBe(11_000 - 1_100 + 366);
    expect(a.row).toMatchObject({ ordersAdded: 2, refundsAdded: 1, rowsAlreadyImported: 0, customersInFile: 2, customersAdded: 2, netTotalMinor: 10_266 });
    // The same file at another rate adds and changes nothing.
    const again = await viaJob(t, `${HEADER}ann,2024-01-01,100.00,E1,1\nann,2024-01-02,-10.00,E1,\nbob,2024-01-03,3.33,,2\n`, '1.2');
    expect(pickCounts(again.committed)).toEqual({ ordersAdded: 0, refundsAdded: 0, refundsUpdated: 0, rowsAlreadyImported: 3, customersInFile: 2, customersAdded: 0 });
    expect(pickCounts(again.preview)).toEqual(pickCounts(again.committed));
    expect(again.row.netTotalMinor).toBe(12_000 - 1_200 + 400);
    // A later export that refunds 25.00 of E1: converted at its own rate.
    const later = await viaJob(t, `${HEADER}ann,2024-01-01,100.00,E1,1\nann,2024-01-02,-25.00,E1,\n`, '1.2');
    expect(pickCounts(later.committed)).toEqual({ ordersAdded: 0, refundsAdded: 0, refundsUpdated: 1, rowsAlreadyImported: 1, customersInFile: 1, customersAdded: 0 });
    expect(pickCounts(later.preview)).toEqual(pickCounts(later.committed));
    expect((await lines(t)).map((l) => `${l.k} ${l.a} ${l.o} ${l.c}`)).toEqual(expect.arrayContaining([`${storedOrderKey('o:E1:1')} 11000 10000 EUR`, `${storedOrderKey('o:E1:1:refund')} -3000 -2500 EUR`]));
    expect((await storedAggregates(t.workspace.id))[0]).toEqual(['ann', 1, 11_000, 3_000, Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1)]);
    expect(await deleteImport(t.workspace.id, later.importId)).toMatchObject({ refundsRestored: 1, ordersRemoved: 0, refundsRemoved: 0 });
    expect((await lines(t)).map((l) => `${l.k} ${l.a} ${l.o} ${l.c}`)).toEqual(expect.arrayContaining([`${storedOrderKey('o:E1:1:refund')} -1100 -1000 EUR`]));
    expect((await storedAggregates(t.workspace.id))[0]).toEqual(['ann', 1, 11_000, 1_100, Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1)]);
    expect(await leftovers(t.workspace.id)).toMatchObject({ drift: 0, revisions: 0 });
  });
});

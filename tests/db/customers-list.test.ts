// The customers list joins each customer's stored prediction; sorting by it puts customers without
// one (first seen after the calibration end) last in both directions.
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { listCustomers } from '@/db/queries/customers';
import { getPredictionSummary } from '@/db/queries/predictions';
import { runModelNow } from '@/lib/predictions/run-model-for-workspace';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, importText, readCdnowSample } from '@/tests/helpers/db';

afterAll(closeConnection);

describe('the customers list with predictions', () => {
  it('sorts by predicted CLV and P(alive), customers without a prediction last either way', async () => {
    const target = await createTestWorkspace('list');
    await importText(target, readCdnowSample(), CDNOW_SAMPLE_INPUT);
    // The cohort was acquired from 1 January to 25 March 1997; those first seen after the calibration
    // end get no prediction.
    const run = await runModelNow({ workspaceId: target.workspace.id, calibrationEnd: '1997-03-01' });
    expect(run.status).toBe('completed');
    const predicted = (await getPredictionSummary(target.workspace.id))!.customers;
    expect(predicted).toBeGreaterThan(0);
    expect(predicted).toBeLessThan(2357);
    const list = (sort: 'clv' | 'alive', dir: 'asc' | 'desc') =>
      listCustomers({ workspaceId: target.workspace.id, sort, dir, page: 1, pageSize: 2357 }).then((r) => r.rows);
    for (const [sort, key] of [['clv', 'predictedClv12mMinor'], ['alive', 'probabilityAlive']] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const rows = await list(sort, dir);
        expect(rows).toHaveLength(2357);
        const values = rows.map((r) => r[key]);
        const known = values.filter((v): v is number => v !== null);
        expect(known).toHaveLength(predicted);
        expect(values.slice(known.length).every((v) => v === null)).toBe(true);
        const sorted = [...known].sort((a, b) => (dir === 'asc' ? a - b : b - a));
        expect(known).toEqual(sorted);
      }
    }
  });
});

// Viewers see a customer's number within its workspace, never the global internal id: a second
// workspace starts again at 1 however many customers the first one holds.
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db';
import { listCustomerNumbers, listCustomers } from '@/db/queries/customers';
import { customerLabel } from '@/lib/customers/visibility';
import { createTestWorkspace, importText } from '@/tests/helpers/db';

afterAll(closeConnection);

describe('customer numbers within a workspace', () => {
  it('counts 1, 2, 3 in each workspace and ignores ids of another', async () => {
    const first = await createTestWorkspace('numbers-a');
    await importText(first, 'customer_id,date,amount\na1,2024-01-01,1\na2,2024-01-02,1\na3,2024-01-03,1\na4,2024-01-04,1\n');
    const second = await createTestWorkspace('numbers-b');
    await importText(second, 'customer_id,date,amount\nx,2024-01-01,5\ny,2024-01-02,7\nz,2024-01-03,9\n');

    const { rows } = await listCustomers({ workspaceId: second.workspace.id, sort: 'customer', dir: 'asc', page: 1, pageSize: 10 });
    const numbers = await listCustomerNumbers(second.workspace.id, rows.map((r) => r.id));
    // Numbered by internal id, which the import assigns in its own order, not the file's.
    const byId = [...rows].sort((a, b) => a.id - b.id);
    expect(byId.map((r) => numbers.get(r.id))).toEqual([1, 2, 3]);
    expect(byId.map((r) => customerLabel('viewer', r, numbers.get(r.id)))).toEqual(['Customer 1', 'Customer 2', 'Customer 3']);
    expect(customerLabel('analyst', rows[0]!, numbers.get(rows[0]!.id))).toBe('x');

    // Another workspace's customer ids are not numbered here.
    const others = await listCustomers({ workspaceId: first.workspace.id, sort: 'customer', dir: 'asc', page: 1, pageSize: 10 });
    expect((await listCustomerNumbers(second.workspace.id, others.rows.map((r) => r.id))).size).toBe(0);
    expect((await listCustomerNumbers(second.workspace.id, [])).size).toBe(0);
  });
});

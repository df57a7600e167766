// When the merge and the import deletion give up nested loops (db/queries/planner-statistics.ts):
// the rule on its own, against a stand-in transaction that answers the planner's estimates and the
// imports' counts. The numbers are the rule's own arithmetic: estimates must reach half of what the
// completed imports wrote plus what the transaction is about to write.
import { describe, expect, it } from 'vitest';
import type { BulkTransaction } from '@/db/bulk';
import { planJoinsForWorkspace } from '@/db/queries/planner-statistics';

const WORKSPACE = '00000000-0000-4000-8000-000000000001';

/** A transaction whose planner estimates `estimates` rows and whose imports wrote `written`; records what it was asked. */
function standIn(estimates: { orders: number; customers: number }, written: { orders: number; customers: number }) {
  const statements: string[] = [];
  const tx: BulkTransaction = {
    async query<T>(text: string): Promise<T[]> {
      statements.push(text);
      if (text.startsWith('EXPLAIN')) {
        const rows = text.includes('FROM orders') ? estimates.orders : estimates.customers;
        return [{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': rows } }] }] as T[];
      }
      if (text.includes('FROM imports')) return [written] as T[];
      return [];
    },
    copyCsv: async () => {},
  };
  const nestedLoopsOff = () => statements.includes('SET LOCAL enable_nestloop = off');
  return { tx, nestedLoopsOff };
}

describe('planning joins for a workspace', () => {
  it('keeps nested loops for a small file when the statistics know the workspace', async () => {
    // 200,000 lines written, 999 pending: half of 200,999 is 100,499.5 ≤ 150,000 estimated.
    const { tx, nestedLoopsOff } = standIn({ orders: 150_000, customers: 15_000 }, { orders: 200_000, customers: 20_000 });
    await planJoinsForWorkspace(tx, WORKSPACE, { orders: 999, customers: 999 });
    expect(nestedLoopsOff()).toBe(false);
  });

  it('gives them up when the statistics have not seen the workspace grow', async () => {
    // The break-it case: one row estimated where 200,000 lines are (44 s for a 999-row file with nested loops).
    const { tx, nestedLoopsOff } = standIn({ orders: 1, customers: 1 }, { orders: 200_000, customers: 20_000 });
    await planJoinsForWorkspace(tx, WORKSPACE, { orders: 999, customers: 999 });
    expect(nestedLoopsOff()).toBe(true);
  });

  it('counts what the transaction is about to write: a new workspace is "one row" to the planner', async () => {
    const { tx, nestedLoopsOff } = standIn({ orders: 1, customers: 1 }, { orders: 0, customers: 0 });
    await planJoinsForWorkspace(tx, WORKSPACE, { orders: 999, customers: 500 });
    expect(nestedLoopsOff()).toBe(true);
  });

  it('judges customers too: known orders but customers the statistics have not seen', async () => {
    // Orders 150,000 ≥ 100,000; customers 1 < (20,000 + 10) / 2.
    const { tx, nestedLoopsOff } = standIn({ orders: 150_000, customers: 1 }, { orders: 200_000, customers: 20_000 });
    await planJoinsForWorkspace(tx, WORKSPACE, { orders: 10, customers: 10 });
    expect(nestedLoopsOff()).toBe(true);
  });

  it('gives them up for 1,000 rows or more without asking the planner', async () => {
    const { tx, nestedLoopsOff } = standIn({ orders: 1e9, customers: 1e9 }, { orders: 0, customers: 0 });
    await planJoinsForWorkspace(tx, WORKSPACE, { orders: 1_000, customers: 1 });
    expect(nestedLoopsOff()).toBe(true);
  });

  it('keeps them for a deletion in a workspace the statistics know', async () => {
    const { tx, nestedLoopsOff } = standIn({ orders: 10_000, customers: 1_000 }, { orders: 12_000, customers: 1_100 });
    await planJoinsForWorkspace(tx, WORKSPACE);
    expect(nestedLoopsOff()).toBe(false);
  });
});

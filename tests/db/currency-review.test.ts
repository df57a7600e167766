// The background import of a file in two currencies: the check ends 'checked' and asks for a rate,
// the commit action refuses to go on without one, and the commit converts at the rate it keeps.
// Expected numbers: the hand calculation in tests/db/currency-imports.test.ts (STRIPE_AT_1_085).
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cancelImportAction, commitImportAction } from '@/app/(dashboard)/w/[slug]/data/actions';
import { closeConnection, getDb } from '@/db';
import { closeJobQueue } from '@/db/job-queue';
import { listAuditEvents } from '@/db/queries/audit';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport } from '@/db/queries/imports';
import { orders } from '@/db/schema';
import { idle } from '@/lib/action-state';
import { describeAuditEvent } from '@/lib/audit/describe';
import type { ImportCheck } from '@/lib/imports/import-check';
import { runImportJob } from '@/lib/imports/run-import-job';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { createTestWorkspace } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';
import { form } from './isolation/fixture';
import { as } from './isolation/session';

vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('./isolation/session');
  return { auth: async () => (currentSession.user ? { user: { id: currentSession.user.id, sessionVersion: 0 }, expires: '2999-01-01' } : null) };
});
vi.mock('next/navigation', () => ({ notFound: () => { throw new Error('NEXT_NOT_FOUND'); }, redirect: () => { throw new Error('NEXT_REDIRECT'); } }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

afterAll(async () => {
  await closeJobQueue();
  await closeConnection();
});

const STRIPE = new Uint8Array(readFileSync('tests/fixtures/imports/stripe-two-currencies.csv'));
const input = importTransactionsSchema.parse({ hasHeader: 'true', currency: 'USD' });

async function countOrders(workspaceId: string) {
  const db = await getDb();
  return (await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.workspaceId, workspaceId)))[0]!.n;
}

/** A USD workspace with the two-currency Stripe file checked and waiting for review. */
async function checkedUpload(label: string, autoCommit = false) {
  const t = await createTestWorkspace(label);
  const importId = await uploadText(t, STRIPE, input);
  await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check', autoCommit });
  const commit = (fields: Record<string, string>) => as(t.user, () => commitImportAction(t.workspace.slug, importId, idle, form(fields)));
  return { t, importId, commit };
}

describe('a file in USD and EUR, checked in the background', () => {
  it('ends checked with exact counts, per-currency totals and no converted total before the rate', async () => {
    const { t, importId } = await checkedUpload('fx-check');
    const row = await getImport(t.workspace.id, importId);
    expect(row).toMatchObject({ status: 'checked', message: null, rates: null });
    expect((row!.report as ImportCheck).preview).toMatchObject({
      ordersAdded: 8, refundsAdded: 3, customersInFile: 3, netTotalMinor: null, currency: 'USD',
      currencies: [
        { currency: 'EUR', originalNetMinor: 7_495, rate: null, convertedNetMinor: null },
        { currency: 'USD', originalNetMinor: 6_400, rate: '1', convertedNetMinor: 6_400 },
      ],
    });
    expect(await countOrders(t.workspace.id)).toBe(0);
  });

  it('waits for review even when asked to import straight away', async () => {
    const { t, importId } = await checkedUpload('fx-auto', true);
    expect(await getImport(t.workspace.id, importId)).toMatchObject({
      status: 'checked', message: 'Not imported straight away: amounts in EUR need a rate into USD.',
    });
    expect(await countOrders(t.workspace.id)).toBe(0);
  });

  it('the commit action refuses a missing or malformed rate and writes nothing', async () => {
    const { t, importId, commit } = await checkedUpload('fx-refuse');
    expect(await commit({})).toMatchObject({ status: 'error', message: 'Enter a rate for EUR (1 EUR = ? USD): nothing was imported.' });
    expect(await commit({ 'rate.GBP': '1.27' })).toMatchObject({ status: 'error', message: 'Enter a rate for EUR (1 EUR = ? USD): nothing was imported.' });
    expect(await commit({ 'rate.EUR': '1,085' })).toMatchObject({
      status: 'error', fieldErrors: { EUR: ['Use a point for the decimals, e.g. 1.085'] }, values: { 'rate.EUR': '1,085' },
    });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'checked', rates: null });
    expect(await countOrders(t.workspace.id)).toBe(0);
  });

  it('commits with the rate, keeps it with the import and reports original and converted totals', async () => {
    const { t, importId, commit } = await checkedUpload('fx-commit');
    expect(await commit({ 'rate.EUR': '1.0850' })).toMatchObject({ status: 'success' });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'importing', rates: { EUR: '1.085' } });
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
    const totals = [
      { currency: 'EUR', originalNetMinor: 7_495, rate: '1.085', convertedNetMinor: 8_133 },
      { currency: 'USD', originalNetMinor: 6_400, rate: '1', convertedNetMinor: 6_400 },
    ];
    const row = await getImport(t.workspace.id, importId);
    expect(row).toMatchObject({ status: 'completed', ordersAdded: 8, refundsAdded: 3, netTotalMinor: 14_533, currencyTotals: totals });
    expect((row!.report as ImportCheck).preview).toMatchObject({ netTotalMinor: 14_533, currencies: totals });
    expect(await countOrders(t.workspace.id)).toBe(11);
  });

  it('a commit job that finds no rate goes back to review and writes nothing', async () => {
    const { t, importId } = await checkedUpload('fx-job');
    await transitionImport(t.workspace.id, importId, ['checked'], 'importing');
    await runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({
      status: 'checked', message: 'The file has amounts in EUR; this workspace reports in USD. Enter a rate for it (1 EUR = ? USD) to import it.',
    });
    expect(await countOrders(t.workspace.id)).toBe(0);
  });

  it('cancelled at review, it writes nothing and the audit trail names the file, not the import id', async () => {
    const { t, importId } = await checkedUpload('fx-cancel');
    expect(await as(t.user, () => cancelImportAction(t.workspace.slug, importId))).toEqual({ status: 'success', message: 'Cancelled.', data: undefined });
    expect(await getImport(t.workspace.id, importId)).toMatchObject({ status: 'cancelled', message: 'Cancelled; nothing was written.' });
    expect(await countOrders(t.workspace.id)).toBe(0);
    const [event] = await listAuditEvents(t.workspace.id, { action: 'import_cancelled' });
    expect(describeAuditEvent(event!)).toBe('upload.csv: cancelled');
  });
});

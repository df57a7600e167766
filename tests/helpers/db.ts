import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createUser } from '@/db/queries/users';
import { createWorkspace } from '@/db/queries/workspaces';
import { importFile } from '@/db/queries/import-file';
import { importTransactionsSchema, type ImportTransactionsInput } from '@/lib/validation/imports';

/** A fresh user and workspace with unique names, so tests never see each other's rows; USD unless `currency` says otherwise. */
export async function createTestWorkspace(label = 'test', currency?: string) {
  const user = await createUser({ email: `${label}-${randomUUID()}@example.test`, name: label, passwordHash: 'x' });
  const workspace = await createWorkspace({ name: `${label} ${randomUUID().slice(0, 8)}`, userId: user!.id, currency });
  return { user: user!, workspace };
}

export const SIMPLE_CSV_INPUT: ImportTransactionsInput = importTransactionsSchema.parse({
  delimiter: ',', hasHeader: 'true', customerId: 0, date: 1, amount: 2, orderId: '', quantity: '', currency: 'USD',
});

/** "Now" for the data-quality report's future-date check in db tests. */
export const TEST_AS_OF = new Date('2026-01-01T00:00:00Z');

/** A file's bytes as one chunk, re-readable: every call starts again. */
export async function* bytesOf(content: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

/** Imports `text` into the workspace through the real upload path, with `rates` for amounts in other currencies. */
export function importText(
  target: { workspace: { id: string; timeZone: string }; user: { id: string } },
  text: string | Uint8Array,
  input: ImportTransactionsInput = SIMPLE_CSV_INPUT,
  fileName = 'test.csv',
  rates: Record<string, string> = {},
) {
  return importFile({
    rates,
    workspaceId: target.workspace.id,
    userId: target.user.id,
    timeZone: target.workspace.timeZone,
    fileName,
    openBytes: () => bytesOf(text),
    input,
    asOf: TEST_AS_OF,
  });
}

/**
 * CDNOW_sample.txt (tests/fixtures/datasets): masterid sampleid date cds dollars, whitespace, no
 * header. The customer is the sample id, as in the golden files (one-to-one with the master id).
 */
export const CDNOW_SAMPLE_INPUT: ImportTransactionsInput = importTransactionsSchema.parse({
  delimiter: 'whitespace', hasHeader: false, customerId: 1, date: 2, quantity: 3, amount: 4, dateFormat: 'YYYYMMDD', currency: 'USD',
});

/** The lines of CDNOW_sample.txt, optionally only customers with sample id ≤ `maxCustomer`. */
export function readCdnowSample(maxCustomer = Infinity): string {
  const lines = readFileSync('tests/fixtures/datasets/CDNOW_sample.txt', 'utf8').split(/\r?\n/)
    .filter((line) => line.trim() && Number(line.trim().split(/\s+/)[1]) <= maxCustomer);
  return `${lines.join('\n')}\n`;
}

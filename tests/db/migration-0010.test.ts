// Migration 0010 turned the text order keys into uuids. Files imported before it must still
// deduplicate after it, so each stored key must become exactly what the merge now computes for the
// same line: the md5 of the key's text as a uuid (storedOrderKey, which the import-merge tests
// check the merge against). Runs the real migrations on a throw-away embedded database: up to 0009,
// orders written with text keys, then 0010.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '@/db';
import { storedOrderKey } from './import-merge/reference-model';

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

/** A copy of drizzle/ whose journal stops before the migration tagged `stopBefore`. */
function migrationsUpTo(stopBefore: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'worthwise-migrations-'));
  folders.push(folder);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag.startsWith(stopBefore));
  expect(stop).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, stop) }));
  return folder;
}

describe('migration 0010 (uuid order keys)', () => {
  it('stores every earlier key as the md5 of its text, the key the merge computes for the same line', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsUpTo('0010') });
    const textKeys = ['o:#1001:1', 'o:#1001:1:refund', 'f:0cc175b9c0f1b6a831c399e269772661:2', 'o:ünïcödé order:1'];
    const workspace = '6f1c4b1e-2a8e-4a55-9c1e-0d2f3a4b5c6d';
    for (const [i, key] of textKeys.entries()) {
      await client.query(
        `INSERT INTO orders (workspace_id, customer_id, import_id, external_key, occurred_at, amount_minor, original_amount_minor, currency)
         VALUES ($1, 1, $1, $2, now(), $3, $3, 'USD')`,
        [workspace, key, i % 2 === 0 ? 100 : -100],
      );
    }
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const { rows } = await client.query<{ external_key: string }>('SELECT external_key::text FROM orders ORDER BY id');
    expect(rows.map((r) => r.external_key)).toEqual(textKeys.map(storedOrderKey));
    // Still one order per key per workspace.
    await expect(client.query(
      `INSERT INTO orders (workspace_id, customer_id, import_id, external_key, occurred_at, amount_minor, original_amount_minor, currency)
       VALUES ($1, 1, $1, $2, now(), 1, 1, 'USD')`,
      [workspace, storedOrderKey('o:#1001:1')],
    )).rejects.toThrow(/orders_workspace_external_key_key/);
    await client.close();
  });
});

// Shared by the import-merge tests: a generic CSV layout with every optional column, a JS reference
// model of the documented key/merge/delete semantics, and SQL read-backs.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb, queryRows } from '@/db';
import { transitionImport } from '@/db/queries/import-jobs';
import { getImport, type ImportSummary } from '@/db/queries/imports';
import type { ImportCheck } from '@/lib/imports/import-check';
import { runImportJob } from '@/lib/imports/run-import-job';
import { importTransactionsSchema } from '@/lib/validation/imports';
import type { createTestWorkspace } from '@/tests/helpers/db';
import { uploadText } from '@/tests/helpers/uploads';

export type Target = Awaited<ReturnType<typeof createTestWorkspace>>;

/** customer_id,date,amount,order_id,quantity */
export const FULL_INPUT = importTransactionsSchema.parse({
  delimiter: ',', hasHeader: 'true', customerId: 0, date: 1, amount: 2, orderId: 3, quantity: 4, currency: 'USD',
});

/** One generic row: amount in minor units (negative = refund-only), time in epoch ms (whole seconds). */
export interface Row { c: string; t: number; amount: number; orderId: string | null; qty: number | null }

const money = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function toCsv(rows: Row[]): string {
  return `customer_id,date,amount,order_id,quantity\n${rows
    .map((r) => `${field(r.c)},${new Date(r.t).toISOString().replace('.000Z', 'Z')},${money(r.amount)},${r.orderId === null ? '' : field(r.orderId)},${r.qty ?? ''}`)
    .join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reference model (README + merge-staging.ts doc comments): key = 'o:'+order id or a fingerprint
// of (customer, instant, signed original amount, quantity) + occurrence number among equal keys
// with the same has-sale flag in the file; refund line = key + ':refund'. Re-import adds nothing;
// a refund line present with another amount is updated (revision kept); deleting an import puts
// revisions back (or hands them on to the next revision of the same line).
// ---------------------------------------------------------------------------------------------

interface Line { key: string; c: string; t: number; amount: number }
interface StoredLine { c: string; t: number; amount: number; importId: string; id: number }

export function linesOf(rows: Row[]): Line[] {
  const seen = new Map<string, number>();
  const out: Line[] = [];
  for (const r of rows) {
    const gross = Math.max(r.amount, 0);
    const refunded = Math.max(-r.amount, 0);
    const hasSale = gross > 0 || refunded === 0;
    const base = r.orderId !== null ? `o:${r.orderId}` : `f:${[r.c, r.t, hasSale ? gross : -refunded, r.qty].filter((x) => x !== null).join('|')}`;
    const part = `${base}\u0000${hasSale}`;
    const n = (seen.get(part) ?? 0) + 1;
    seen.set(part, n);
    const key = `${base}:${n}`;
    if (hasSale) out.push({ key, c: r.c, t: r.t, amount: gross });
    if (refunded > 0) out.push({ key: `${key}:refund`, c: r.c, t: r.t, amount: -refunded });
  }
  return out;
}

export interface ModelCounts {
  ordersAdded: number; refundsAdded: number; refundsUpdated: number; rowsAlreadyImported: number;
  customersInFile: number; customersAdded: number;
}

export class Model {
  lines = new Map<string, StoredLine>();
  customers = new Set<string>();
  revisions: { id: number; key: string; importId: string; prev: number }[] = [];
  private nextId = 1;

  /**
   * `stored` maps a line's amount to what the model keeps and compares (sign preserved): the
   * currency tests encode the currency into it, so that a refund line changes when its
   * (original amount, currency) does.
   */
  apply(rows: Row[], importId: string, stored: (amount: number) => number = (amount) => amount): ModelCounts {
    const counts: ModelCounts = { ordersAdded: 0, refundsAdded: 0, refundsUpdated: 0, rowsAlreadyImported: 0, customersInFile: 0, customersAdded: 0 };
    const fileCustomers = new Set(rows.map((r) => r.c));
    counts.customersInFile = fileCustomers.size;
    const fresh = [...fileCustomers].filter((c) => !this.customers.has(c));
    for (const c of fresh) this.customers.add(c);
    for (const line of linesOf(rows)) {
      const l = { ...line, amount: stored(line.amount) };
      const have = this.lines.get(l.key);
      if (!have) {
        this.lines.set(l.key, { c: l.c, t: l.t, amount: l.amount, importId, id: this.nextId++ });
        if (l.amount >= 0) counts.ordersAdded++;
        else counts.refundsAdded++;
      } else if (l.amount < 0 && have.amount < 0 && have.amount !== l.amount) {
        this.revisions.push({ id: this.nextId++, key: l.key, importId, prev: have.amount });
        have.amount = l.amount;
        counts.refundsUpdated++;
      } else counts.rowsAlreadyImported++;
    }
    const owners = new Set([...this.lines.values()].map((l) => l.c));
    let removed = 0;
    for (const c of fresh) if (!owners.has(c)) { this.customers.delete(c); removed++; }
    counts.customersAdded = fresh.length - removed;
    return counts;
  }

  delete(importId: string) {
    const affected = new Set<string>();
    for (const r of this.revisions.filter((x) => x.importId === importId)) {
      affected.add(this.lines.get(r.key)!.c);
      const later = this.revisions.filter((x) => x.key === r.key && x.id > r.id).sort((a, b) => a.id - b.id)[0];
      if (later) later.prev = r.prev;
      else this.lines.get(r.key)!.amount = r.prev;
    }
    this.revisions = this.revisions.filter((x) => x.importId !== importId);
    for (const [key, l] of [...this.lines]) {
      if (l.importId !== importId) continue;
      affected.add(l.c);
      this.lines.delete(key);
      this.revisions = this.revisions.filter((x) => x.key !== key);
    }
    const owners = new Set([...this.lines.values()].map((l) => l.c));
    for (const c of affected) if (!owners.has(c)) this.customers.delete(c);
  }

  /** external_id → [order_count, revenue, refunds, first ms, last ms], sorted by id. */
  aggregates(): [string, number, number, number, number | null, number | null][] {
    const out = new Map<string, [string, number, number, number, number | null, number | null]>();
    for (const c of this.customers) out.set(c, [c, 0, 0, 0, null, null]);
    for (const l of this.lines.values()) {
      const a = out.get(l.c)!;
      if (l.amount >= 0) {
        a[1]++; a[2] += l.amount;
        a[4] = a[4] === null ? l.t : Math.min(a[4], l.t);
        a[5] = a[5] === null ? l.t : Math.max(a[5], l.t);
      } else a[3] -= l.amount;
    }
    return [...out.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  }

  /** 'key customer amount', sorted. */
  orderLines(): string[] {
    return [...this.lines].map(([k, l]) => `${k} ${l.c} ${l.amount}`).sort();
  }
}

// ---------------------------------------------------------------------------------------------
// SQL read-backs
// ---------------------------------------------------------------------------------------------

export async function storedAggregates(workspaceId: string) {
  const db = await getDb();
  const rows = await queryRows<{ external_id: string; order_count: number; revenue_minor: string; refunds_minor: string; f: string | null; l: string | null }>(db,
    sql`SELECT external_id, order_count, revenue_minor::text, refunds_minor::text,
      (extract(epoch FROM first_order_at) * 1000)::bigint::text AS f, (extract(epoch FROM last_order_at) * 1000)::bigint::text AS l
      FROM customers WHERE workspace_id = ${workspaceId} ORDER BY external_id COLLATE "C"`);
  return rows.map((r) => [r.external_id, r.order_count, Number(r.revenue_minor), Number(r.refunds_minor), r.f === null ? null : Number(r.f), r.l === null ? null : Number(r.l)]);
}

/** Stored lines with a readable key: the md5 of fingerprint keys is replaced by nothing we can invert, so compare by (customer, amount, occurrence). */
export async function storedLines(workspaceId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await queryRows<{ k: string; c: string; a: string }>(db,
    sql`SELECT o.external_key AS k, c.external_id AS c, o.amount_minor::text AS a FROM orders o
      JOIN customers c ON c.workspace_id = o.workspace_id AND c.id = o.customer_id WHERE o.workspace_id = ${workspaceId}`);
  return rows.map((r) => `${r.k} ${r.c} ${r.a}`).sort();
}

/** An order key as stored: the md5 of its text as a uuid (migration 0010). */
export function storedOrderKey(text: string): string {
  return createHash('md5').update(text).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
}

/** The model's keys as the database stores them: fingerprints hashed (md5 as hex text), then the whole key (storedOrderKey). */
export function modelLinesAsStored(model: Model): string[] {
  return [...model.lines].map(([k, l]) => {
    const key = k.startsWith('f:')
      ? k.replace(/^f:(.*?)(:\d+(?::refund)?)$/s, (_m, fp: string, tail: string) => `f:${createHash('md5').update(fp).digest('hex')}${tail}`)
      : k;
    return `${storedOrderKey(key)} ${l.c} ${l.amount}`;
  }).sort();
}

/** Rows of any tenant table for the workspace, plus orders whose customer or import is gone, plus drift of stored aggregates. */
export async function leftovers(workspaceId: string) {
  const db = await getDb();
  const [r] = await queryRows<Record<string, number>>(db, sql`SELECT
    (SELECT count(*) FROM orders WHERE workspace_id = ${workspaceId})::int AS orders,
    (SELECT count(*) FROM import_rows WHERE workspace_id = ${workspaceId})::int AS import_rows,
    (SELECT count(*) FROM customers WHERE workspace_id = ${workspaceId})::int AS customers,
    (SELECT count(*) FROM imports WHERE workspace_id = ${workspaceId})::int AS imports,
    (SELECT count(*) FROM refund_revisions WHERE workspace_id = ${workspaceId})::int AS revisions,
    (SELECT count(*) FROM orders o WHERE o.workspace_id = ${workspaceId}
       AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = o.workspace_id AND c.id = o.customer_id))::int AS orders_without_customer,
    (SELECT count(*) FROM orders o WHERE o.workspace_id = ${workspaceId}
       AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.workspace_id = o.workspace_id AND i.id = o.import_id))::int AS orders_without_import,
    (SELECT count(*) FROM import_rows r WHERE r.workspace_id = ${workspaceId}
       AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.workspace_id = r.workspace_id AND i.id = r.import_id))::int AS rows_without_import,
    (SELECT count(*) FROM customers c WHERE c.workspace_id = ${workspaceId}
       AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = c.workspace_id AND o.customer_id = c.id))::int AS customers_without_orders,
    (SELECT count(*) FROM customers c LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE amount_minor >= 0) AS oc,
        coalesce(sum(amount_minor) FILTER (WHERE amount_minor >= 0), 0) AS rev, coalesce(-sum(amount_minor) FILTER (WHERE amount_minor < 0), 0) AS ref,
        min(occurred_at) FILTER (WHERE amount_minor >= 0) AS f, max(occurred_at) FILTER (WHERE amount_minor >= 0) AS l
        FROM orders o WHERE o.workspace_id = c.workspace_id AND o.customer_id = c.id) a ON true
      WHERE c.workspace_id = ${workspaceId} AND (c.order_count <> a.oc OR c.revenue_minor <> a.rev OR c.refunds_minor <> a.ref
        OR c.first_order_at IS DISTINCT FROM a.f OR c.last_order_at IS DISTINCT FROM a.l))::int AS drift`);
  return r!;
}

/** Orders / staged rows in the whole database whose workspace no longer exists. */
export async function globalOrphans() {
  const db = await getDb();
  const [r] = await queryRows<{ orders: number; import_rows: number }>(db, sql`SELECT
    (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = o.workspace_id))::int AS orders,
    (SELECT count(*) FROM import_rows r WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = r.workspace_id))::int AS import_rows`);
  return r!;
}

export const pickCounts = (s: ImportSummary | ModelCounts) => ({
  ordersAdded: s.ordersAdded, refundsAdded: s.refundsAdded, refundsUpdated: s.refundsUpdated,
  rowsAlreadyImported: s.rowsAlreadyImported, customersInFile: s.customersInFile, customersAdded: s.customersAdded,
});

/**
 * The real background path: upload, check (the rolled-back dry run), then commit. Returns the dry
 * run's preview and what the commit wrote (its summary as saved with the import, and the row).
 */
export async function importViaJob(t: Target, text: string, input = FULL_INPUT) {
  const importId = await uploadText(t, text, input);
  await runImportJob({ workspaceId: t.workspace.id, importId, step: 'check' });
  const checked = await getImport(t.workspace.id, importId);
  if (checked?.status !== 'checked') throw new Error(`check ended ${checked?.status}: ${checked?.message}`);
  const preview = (checked.report as ImportCheck).preview!;
  if (!(await transitionImport(t.workspace.id, importId, ['checked'], 'importing'))) throw new Error('not checked');
  await runImportJob({ workspaceId: t.workspace.id, importId, step: 'commit' });
  const row = await getImport(t.workspace.id, importId);
  if (row?.status !== 'completed') throw new Error(`commit ended ${row?.status}: ${row?.message}`);
  const committed = (row.report as ImportCheck).preview!;
  return { importId, preview, committed, row };
}

/** mulberry32 */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const isPostgres = () => Boolean(process.env.DATABASE_URL);

/**
 * The workspace holds exactly what the model says (every line, every customer's aggregates, as many
 * refund revisions), with nothing orphaned and no staged rows left.
 */
export async function expectMatchesModel(t: Target, m: Model, label = ''): Promise<void> {
  expect(await storedLines(t.workspace.id), `${label} lines`).toEqual(modelLinesAsStored(m));
  expect(await storedAggregates(t.workspace.id), `${label} aggregates`).toEqual(m.aggregates());
  expect(await leftovers(t.workspace.id), label).toMatchObject({
    orders_without_customer: 0, orders_without_import: 0, customers_without_orders: 0, drift: 0, import_rows: 0, revisions: m.revisions.length,
  });
}

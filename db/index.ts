import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { claimPgliteDir, PgliteInUseError, releasePgliteDir } from './pglite-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** A drizzle database or transaction on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'drizzle');

/**
 * The open connection. Bulk imports need driver-level COPY, which drizzle does not expose, so
 * the raw driver travels with the drizzle instance.
 */
export type Connection =
  | { kind: 'postgres'; db: Db; sql: postgres.Sql; raw: postgres.Sql }
  | { kind: 'pglite'; db: Db; pg: PGlite };

// Next dev re-evaluates modules on every change; one embedded database may only be opened once
// per process, so the connection lives on globalThis.
const globalForDb = globalThis as unknown as { worthwiseConnection?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  globalForDb.worthwiseConnection ??= openConnection();
  return globalForDb.worthwiseConnection;
}

/**
 * getConnection for command-line scripts (db:migrate, db:seed): when another process has the
 * embedded database open, prints the plain message and exits 1 instead of a stack trace.
 */
export async function getScriptConnection(): Promise<Connection> {
  try {
    return await getConnection();
  } catch (error) {
    if (!(error instanceof PgliteInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

async function openConnection(): Promise<Connection> {
  if (env.DATABASE_URL) {
    const sql = postgres(env.DATABASE_URL, { max: 10, onnotice: () => {} });
    // drizzle rewrites the date serializers of the client it wraps, so raw COPY work gets its own.
    const raw = postgres(env.DATABASE_URL, { max: 4, onnotice: () => {} });
    return { kind: 'postgres', db: drizzlePostgres(sql, { schema }) as unknown as Db, sql, raw };
  }
  const pg = await openPglite();
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  // The embedded database migrates itself on open: a newcomer runs no separate step.
  await migratePglite(drizzlePglite(pg), { migrationsFolder: MIGRATIONS_FOLDER });
  return { kind: 'pglite', db, pg };
}

/** The embedded database's folder, or null for an in-memory one (tests, benchmarks). */
function pgliteFolder(): string | null {
  if (env.PGLITE_DIR.startsWith('memory://')) return null;
  // The folder is chosen at run time: the comment keeps Next's file tracing from copying the whole project.
  return resolve(/* turbopackIgnore: true */ process.cwd(), env.PGLITE_DIR);
}

async function openPglite(): Promise<PGlite> {
  const path = pgliteFolder();
  if (path === null) return PGlite.create(env.PGLITE_DIR);
  // PGlite does not create parent folders.
  mkdirSync(dirname(path), { recursive: true });
  claimPgliteDir(path);
  process.once('exit', () => releasePgliteDir(path));
  return PGlite.create(path);
}

/** Closes the connection (scripts and tests). */
export async function closeConnection(): Promise<void> {
  const pending = globalForDb.worthwiseConnection;
  globalForDb.worthwiseConnection = undefined;
  if (!pending) return;
  const conn = await pending;
  if (conn.kind === 'postgres') await Promise.all([conn.sql.end(), conn.raw.end()]);
  else {
    await conn.pg.close();
    const path = pgliteFolder();
    if (path !== null) releasePgliteDir(path);
  }
}

export { schema };

/** Runs raw SQL through drizzle and returns its rows, whichever driver is underneath. */
export async function queryRows<T>(db: Db, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

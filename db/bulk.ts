import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getConnection } from './index';

/**
 * A transaction on the raw driver, for bulk work that drizzle cannot express: COPY, temporary
 * staging tables and set-based merges. Everything in it commits or rolls back together.
 *
 * Pass JSON as a JSON.stringify'd string cast `$n::text::jsonb`: with a bare `$n::jsonb`
 * postgres.js encodes the string once more and stores a JSON string, not the object (PGlite does not).
 */
export interface BulkTransaction {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Streams CSV text (no header) into `COPY <target> FROM STDIN WITH (FORMAT csv)`. */
  copyCsv(target: string, chunks: AsyncIterable<string>): Promise<void>;
}

export async function withBulkTransaction<T>(work: (tx: BulkTransaction) => Promise<T>): Promise<T> {
  const conn = await getConnection();
  if (conn.kind === 'postgres') {
    const result = await conn.raw.begin(async (t) =>
      work({
        query: async <R>(text: string, params: unknown[] = []) =>
          (await t.unsafe(text, params as never[])) as unknown as R[],
        async copyCsv(target, chunks) {
          const writable = await t.unsafe(`COPY ${target} FROM STDIN WITH (FORMAT csv)`).writable();
          await pipeline(Readable.from(chunks), writable);
        },
      }),
    );
    return result as T;
  }
  return conn.pg.transaction(async (tx) =>
    work({
      query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
      async copyCsv(target, chunks) {
        // PGlite reads COPY input from a blob rather than a stream: its fastest bulk path.
        const parts: string[] = [];
        for await (const chunk of chunks) parts.push(chunk);
        await tx.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob(parts) });
      },
    }),
  );
}

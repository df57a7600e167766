import { createReadStream } from 'node:fs';
import { readImport, type ReadImportOptions } from '@/lib/imports/read-import';
import type { CanonicalOrder } from '@/lib/imports/canonical';

export const FIXTURES = 'tests/fixtures/imports/';
export const AS_OF = new Date('2026-01-01T00:00:00Z');

/** Bytes as a re-readable source, split into small chunks so multi-byte characters straddle them. */
export function chunked(bytes: Uint8Array, size = 7): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
}

/** Reads a file (a fixture name or bytes) to the end and returns its orders and the reading. */
export async function readAll(source: string | Uint8Array, options: Partial<ReadImportOptions> = {}) {
  const openBytes = typeof source === 'string' ? () => createReadStream(FIXTURES + source) : chunked(source);
  const { batches, reading } = readImport({ openBytes, timeZone: 'UTC', asOf: AS_OF, currency: 'USD', ...options });
  const list: CanonicalOrder[] = [];
  for await (const batch of batches) list.push(...batch);
  return { orders: list, reading, report: reading.report! };
}

/** An order as a compact tuple: [row, customer, order id, ISO instant, gross, refunded]. */
export const brief = (o: CanonicalOrder) => [o.row, o.customerKey, o.orderId, o.occurredAt.toISOString(), o.grossMinor, o.refundedMinor];

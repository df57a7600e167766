import type { CanonicalOrder } from './canonical';

const CHUNK_CHARS = 256 * 1024;

/** The staging table's columns, in the order `stageOrders` writes them. */
export const STAGING_COLUMNS = 'line_no, customer_key, occurred_at, gross_minor, refunded_minor, order_id, quantity, currency';

/**
 * Canonical orders, in batches as readImport gives them → CSV chunks for COPY into the import
 * staging table (one row per order; the merge in db/queries/imports.ts splits it into a sale line
 * and a refund line). Chunks of about 256 KB keep COPY efficient without holding the file.
 * `linePrefix` starts every line (e.g. "workspace id,import id," for the persistent import_rows
 * table).
 */
export async function* stageOrders(batches: AsyncIterable<readonly CanonicalOrder[]>, linePrefix = ''): AsyncGenerator<string> {
  let buffer = '';
  for await (const batch of batches) {
    for (const o of batch) {
      buffer += `${linePrefix}${o.row},${csvField(o.customerKey)},${o.occurredAt.toISOString()},${o.grossMinor},${o.refundedMinor},${o.orderId === null ? '' : csvField(o.orderId)},${o.quantity ?? ''},${o.currency}\n`;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
  }
  if (buffer) yield buffer;
}

/** Quotes a CSV field for COPY; an unquoted empty field would be read as NULL. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

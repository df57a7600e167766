import type { CanonicalOrder } from './canonical';

const CHUNK_CHARS = 256 * 1024;

/** The staging table's columns, in the order `stageOrders` writes them. */
export const STAGING_COLUMNS = 'line_no, customer_key, occurred_at, gross_minor, refunded_minor, order_id, quantity, currency';

/**
 * Canonical orders, in batches as readImport gives them → CSV chunks for COPY into the import
 * staging table (one row per order; the merge in db/queries/merge-staging.ts splits it into a sale
 * line and a refund line). Chunks of about 256 KB keep COPY efficient without holding the file.
 * `linePrefix` starts every line (e.g. "workspace id,import id," for the persistent import_rows
 * table).
 */
export async function* stageOrders(batches: AsyncIterable<readonly CanonicalOrder[]>, linePrefix = ''): AsyncGenerator<string> {
  const instants = new InstantFormat();
  let lines: string[] = [];
  let chars = 0;
  for await (const batch of batches) {
    for (const o of batch) {
      // Joined rather than a template literal, which builds each line as a tree of a dozen
      // concatenations (several times its size) that lives until its chunk is sent: copying those
      // trees was a third of the garbage collector's time. Lines are joined into a flat chunk too.
      const fields = [
        o.row, csvField(o.customerKey), instants.format(o.occurredAt.getTime()), o.grossMinor, o.refundedMinor,
        o.orderId === null ? '' : csvField(o.orderId), o.quantity ?? '', o.currency,
      ].join(',');
      lines.push(linePrefix, fields, '\n');
      chars += linePrefix.length + fields.length + 1;
      if (chars >= CHUNK_CHARS) {
        yield lines.join('');
        lines = [];
        chars = 0;
      }
    }
  }
  if (lines.length > 0) yield lines.join('');
}

/** Quotes a CSV field for COPY; an unquoted empty field would be read as NULL. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

const DAY_MS = 86_400_000;

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Date.prototype.toISOString for the staged instants, written out here because the built-in costs
 * about 0.5 µs a call, as much as the rest of the line: the date part ("2024-01-31T") is formatted
 * once per day and kept (a file spans at most a few thousand days), the time of day by hand.
 * Only for the years 0–9999, which toISOString writes with four digits (the reader accepts 1900–2200).
 */
class InstantFormat {
  private readonly days = new Map<number, string>();

  format(time: number): string {
    const day = Math.floor(time / DAY_MS);
    let date = this.days.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 11);
      this.days.set(day, date);
    }
    const ofDay = time - day * DAY_MS;
    const ms = ofDay % 1000;
    const seconds = Math.floor(ofDay / 1000);
    const msText = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : `${ms}`;
    return `${date}${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}.${msText}Z`;
  }
}

import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { splitWhitespace } from './detect';
import type { Delimiter } from './fields';

// A record may not end within this much carried-over text only when a stray quote makes every
// line look quoted; past it the text is parsed as it stands, so memory stays bounded.
const MAX_CARRY_CHARS = 1024 * 1024;

const LINES_PER_BATCH = 2048;

/**
 * Streams the records of a text file as arrays of fields, in batches (one per decoded chunk, or
 * LINES_PER_BATCH lines), so memory stays flat however long the file is and the per-record cost
 * of async iteration is paid per batch. Blank lines are skipped. `text` yields string chunks.
 *
 * Papaparse's own Node stream mode costs ~30 µs a row here; parsing each chunk's complete records
 * with its synchronous parser is some twenty times faster. A chunk is cut after its last line
 * break outside quotes (an even number of quote characters before it), so a quoted field with
 * line breaks is never split.
 */
export async function* readRecords(text: AsyncIterable<string>, delimiter: Delimiter): AsyncGenerator<string[][]> {
  if (delimiter === 'whitespace') {
    let batch: string[][] = [];
    for await (const line of createInterface({ input: Readable.from(stripBom(text)), crlfDelay: Infinity })) {
      const fields = splitWhitespace(line);
      if (fields.length > 0) batch.push(fields);
      if (batch.length >= LINES_PER_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  let carry = '';
  for await (const chunk of stripBom(text)) {
    const buffer = carry + chunk;
    let cut = lastRecordEnd(buffer);
    if (cut < 0 && buffer.length > MAX_CARRY_CHARS) cut = buffer.lastIndexOf('\n') + 1 || buffer.length;
    if (cut <= 0) {
      carry = buffer;
      continue;
    }
    yield parseComplete(buffer.slice(0, cut), delimiter);
    carry = buffer.slice(cut);
  }
  if (carry) yield parseComplete(carry, delimiter);
}

/**
 * Blank records (every field whitespace) are dropped here rather than with papaparse's
 * `skipEmptyLines: 'greedy'`, which joins and trims every record to test it.
 */
function parseComplete(text: string, delimiter: Exclude<Delimiter, 'whitespace'>): string[][] {
  return Papa.parse<string[]>(text, { delimiter }).data.filter((record) => !record.every((field) => field.trim() === ''));
}

/** The index just after the last "\n" outside quotes, or −1. Quotes toggle; "" inside a field toggles twice. */
function lastRecordEnd(text: string): number {
  let last = -1;
  let at = 0;
  for (;;) {
    const quote = text.indexOf('"', at);
    const newline = text.lastIndexOf('\n', (quote < 0 ? text.length : quote) - 1);
    if (newline >= at) last = newline + 1;
    if (quote < 0) return last;
    const closing = text.indexOf('"', quote + 1);
    if (closing < 0) return last;
    at = closing + 1;
  }
}

async function* stripBom(text: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of text) {
    yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
    first = false;
  }
}

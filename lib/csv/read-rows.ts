import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import { splitWhitespace } from './detect';
import type { Delimiter } from './fields';

/**
 * Streams the records of a text file as arrays of fields, one record at a time, so memory stays
 * flat however long the file is. Blank lines are skipped. `text` yields decoded string chunks.
 */
export async function* readRecords(text: AsyncIterable<string>, delimiter: Delimiter): AsyncGenerator<string[]> {
  const source = Readable.from(stripBom(text));
  if (delimiter === 'whitespace') {
    for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
      const fields = splitWhitespace(line);
      if (fields.length > 0) yield fields;
    }
    return;
  }
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: 'greedy' });
  // pipe() would drop a read error (e.g. bytes that are not UTF-8) and leave the parser waiting
  // forever; pipeline() destroys the parser with it, so the loop below throws instead.
  const piped = pipeline(source, parser);
  piped.catch(() => {}); // the same error surfaces from the iteration
  for await (const record of parser as AsyncIterable<string[]>) yield record;
  await piped;
}

async function* stripBom(text: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of text) {
    yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
    first = false;
  }
}

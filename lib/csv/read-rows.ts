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

/** The bytes are not text: invalid UTF-8, or a NUL byte (which no CSV has and Postgres refuses). */
export class NotTextError extends Error {
  constructor() {
    super('The file is not UTF-8 text');
  }
}

/** Decodes a byte stream (e.g. an uploaded File) as UTF-8 text chunks; throws NotTextError. */
export async function* decodeUtf8(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of bytes) {
    if (chunk.includes(0)) throw new NotTextError();
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotTextError();
    }
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new NotTextError();
  }
  if (rest) yield rest;
}

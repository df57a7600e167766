import { ImportFileError } from '@/lib/imports/row-error';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Text files hold tabs, line breaks and form feeds; many other control bytes mean binary.
const CONTROL_BYTE_SHARE = 0.1;

/**
 * The encoding of a file from its first bytes: a UTF-16 byte-order mark says so; otherwise
 * UTF-8 unless the sample is not valid UTF-8, in which case it is Windows-1252 (a superset of
 * Latin-1, what Excel writes on Windows). A NUL byte or mostly control bytes means the file is
 * not text at all. `checkBytes` confirms the guess over the whole file.
 */
export function sniffEncoding(sample: Uint8Array): TextEncodingName {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  assertNotBinary(sample);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function assertNotBinary(bytes: Uint8Array): void {
  if (bytes.includes(0)) throw new ImportFileError('The file is binary, not text (it contains NUL bytes). Upload a CSV or text export.');
  let control = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  if (bytes.length > 0 && control / bytes.length > CONTROL_BYTE_SHARE) {
    throw new ImportFileError('The file is binary, not text (it is mostly control bytes). Upload a CSV or text export.');
  }
}

/**
 * Reads the whole file once, without keeping it: enforces the size limit, rejects NUL bytes
 * anywhere, and returns the encoding — Windows-1252 when a UTF-8 guess fails further in.
 */
export async function checkBytes(bytes: AsyncIterable<Uint8Array>, guess: TextEncodingName, maxBytes: number): Promise<TextEncodingName> {
  const utf8 = guess === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  let isUtf8 = utf8 !== null;
  let size = 0;
  for await (const chunk of bytes) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new ImportFileError(`The file is over the size limit of ${describeSize(maxBytes)}.`);
    }
    if (!guess.startsWith('utf-16') && chunk.includes(0)) assertNotBinary(chunk);
    if (isUtf8) {
      try {
        utf8!.decode(chunk, { stream: true });
      } catch {
        isUtf8 = false;
      }
    }
  }
  if (isUtf8) {
    try {
      utf8!.decode();
    } catch {
      isUtf8 = false;
    }
  }
  return guess === 'utf-8' && !isUtf8 ? 'windows-1252' : guess;
}

function describeSize(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** Decodes a byte stream as text chunks; a UTF-8 BOM is dropped by the decoder itself. */
export async function* decodeBytes(bytes: AsyncIterable<Uint8Array>, encoding: TextEncodingName): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The first `limit` bytes (or fewer), to detect the layout from; the stream is closed after. */
export async function readSample(bytes: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bytes) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  const sample = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const part of parts) {
    const take = part.subarray(0, sample.length - at);
    sample.set(take, at);
    at += take.length;
    if (at >= sample.length) break;
  }
  return sample;
}

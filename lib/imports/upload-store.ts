import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { env } from '@/lib/env';
import { MAX_UPLOAD_BYTES } from './upload-limits';

/** Thrown when an upload is larger than MAX_UPLOAD_BYTES; nothing is kept. */
export class UploadTooLargeError extends Error {
  constructor() {
    super(`The file is larger than the upload limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
}

// An upload waits on disk between the request that brings it and the job that reads it, so the
// request returns as soon as the bytes are in and the job streams the file without holding it in
// memory. One file per import, named by the import id only; the job deletes it when done.
// `turbopackIgnore`: the folder is chosen at run time; without it Next traces the whole project into the build.
function uploadPath(importId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(importId)) throw new Error('not an import id');
  return resolve(/* turbopackIgnore: true */ process.cwd(), env.UPLOAD_DIR, `${importId}.upload`);
}

/** Streams `body` to the import's file; returns its size. Throws UploadTooLargeError past the limit. */
export async function saveUpload(importId: string, body: AsyncIterable<Uint8Array>): Promise<number> {
  await mkdir(resolve(/* turbopackIgnore: true */ process.cwd(), env.UPLOAD_DIR), { recursive: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_UPLOAD_BYTES ? new UploadTooLargeError() : null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(uploadPath(importId)));
  } catch (error) {
    await deleteUpload(importId);
    throw error;
  }
  return bytes;
}

/** The import's file as a byte stream, for as many reads as the job needs. */
export function openUpload(importId: string): AsyncIterable<Uint8Array> {
  return createReadStream(uploadPath(importId));
}

export async function deleteUpload(importId: string): Promise<void> {
  await rm(uploadPath(importId), { force: true });
}

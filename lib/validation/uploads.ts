import { z } from 'zod';
import { importTransactionsSchema } from './imports';

/**
 * The headers of a raw-bytes upload: the file name and the mapping (URI-encoded JSON of the
 * upload form's fields), and whether to commit without waiting for the user's review.
 */
export const uploadHeadersSchema = z.object({
  fileName: z
    .string({ error: 'The file name is missing' })
    .transform((v, ctx) => {
      try {
        return decodeURIComponent(v).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The file name is not valid' });
        return z.NEVER;
      }
    })
    .pipe(z.string().min(1, 'The file name is missing')),
  options: z
    .string({ error: 'The column mapping is missing' })
    .transform((v, ctx) => {
      try {
        return JSON.parse(decodeURIComponent(v)) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The column mapping is not valid' });
        return z.NEVER;
      }
    })
    .pipe(importTransactionsSchema),
  autoCommit: z.preprocess((v) => v === '1' || v === 'true', z.boolean()),
});

/** An import id from a form or URL: a lookup key only, checked against the workspace by the query. */
export const importIdSchema = z.uuid();

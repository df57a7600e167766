import { z } from 'zod';

export const CUSTOMER_SORTS = ['customer', 'orders', 'revenue', 'net', 'aov', 'first', 'last', 'clv', 'alive'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** The customers page's searchParams, with defaults: biggest net CLV first. */
export const listCustomersSchema = z.object({
  // A NUL is not text Postgres accepts (it answered 500); control characters never match an id anyway.
  q: z.string().trim().max(100).transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, '')).optional().catch(undefined),
  sort: z.enum(CUSTOMER_SORTS).catch('net'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type ListCustomersInput = z.infer<typeof listCustomersSchema>;

/** The export's searchParams: the list's filter and order, without the page. */
export const exportCustomersSchema = listCustomersSchema.pick({ q: true, sort: true, dir: true });
export type ExportCustomersInput = z.infer<typeof exportCustomersSchema>;

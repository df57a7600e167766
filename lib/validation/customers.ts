import { z } from 'zod';

export const CUSTOMER_SORTS = ['customer', 'orders', 'revenue', 'net', 'aov', 'first', 'last', 'clv', 'alive'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** The customers page's searchParams, with defaults: biggest net CLV first. */
export const listCustomersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(CUSTOMER_SORTS).catch('net'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type ListCustomersInput = z.infer<typeof listCustomersSchema>;

/** The export's searchParams: the list's filter and order, without the page. */
export const exportCustomersSchema = listCustomersSchema.pick({ q: true, sort: true, dir: true });
export type ExportCustomersInput = z.infer<typeof exportCustomersSchema>;

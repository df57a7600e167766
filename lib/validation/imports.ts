import { z } from 'zod';
import { DECIMAL_SEPARATORS } from '@/lib/csv/amounts';
import { DATE_FORMATS, DELIMITERS } from '@/lib/csv/fields';
import { isCurrencyCode } from '@/lib/money';

const columnIndex = z.coerce.number().int().min(0).max(999);
const optionalColumnIndex = z.preprocess((v) => (v === '' || v === null ? undefined : v), columnIndex.optional());

/**
 * The upload form: how to read the file. The same schema checks the form in the browser and the
 * action. The column mapping is only for the generic layout: a file whose header names a preset
 * (Shopify, Stripe…) is read by its column names and the mapping is ignored.
 */
export const importTransactionsSchema = z
  .object({
    delimiter: z.enum(DELIMITERS).optional(),
    hasHeader: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
    customerId: optionalColumnIndex,
    date: optionalColumnIndex,
    amount: optionalColumnIndex,
    orderId: optionalColumnIndex,
    quantity: optionalColumnIndex,
    dateFormat: z.enum(DATE_FORMATS).default('auto'),
    decimal: z.enum(DECIMAL_SEPARATORS).default('auto'),
    currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'Not an ISO 4217 currency code'),
  })
  .superRefine((value, ctx) => {
    const used = [value.customerId, value.date, value.amount, value.orderId, value.quantity].filter((v) => v !== undefined);
    if (new Set(used).size !== used.length) {
      ctx.addIssue({ code: 'custom', message: 'Each column can be mapped to one field only', path: ['customerId'] });
    }
  });

export type ImportTransactionsInput = z.infer<typeof importTransactionsSchema>;

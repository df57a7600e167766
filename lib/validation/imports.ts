import { z } from 'zod';
import { DATE_FORMATS, DELIMITERS } from '@/lib/csv/fields';
import { isCurrencyCode, minorUnitDigits } from '@/lib/money';
import { parseAmountMinor, parseDateValue, parseQuantity } from '@/lib/csv/values';
import type { DateFormat } from '@/lib/csv/fields';

const columnIndex = z.coerce.number().int().min(0).max(999);
const optionalColumnIndex = z.preprocess((v) => (v === '' || v === null ? undefined : v), columnIndex.optional());

/** The upload form: how to read the file. The same schema checks the form in the browser and the action. */
export const importTransactionsSchema = z
  .object({
    delimiter: z.enum(DELIMITERS),
    hasHeader: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
    customerId: columnIndex,
    date: columnIndex,
    amount: columnIndex,
    orderId: optionalColumnIndex,
    quantity: optionalColumnIndex,
    dateFormat: z.enum(DATE_FORMATS).default('auto'),
    currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'Not an ISO 4217 currency code'),
  })
  .superRefine((value, ctx) => {
    const used = [value.customerId, value.date, value.amount, value.orderId, value.quantity].filter((v) => v !== undefined);
    if (new Set(used).size !== used.length) {
      ctx.addIssue({ code: 'custom', message: 'Each column can be mapped to one field only', path: ['customerId'] });
    }
  });

export type ImportTransactionsInput = z.infer<typeof importTransactionsSchema>;

/** One data row after validation: amounts in minor units, instants in UTC. */
export interface TransactionRow {
  customerKey: string;
  occurredAt: Date;
  amountMinor: number;
  orderId: string | null;
  quantity: number | null;
}

/** Validates the mapped cells of one row. Errors name the field; the caller adds the row number. */
export function transactionRowSchema(options: { currency: string; dateFormat: DateFormat; timeZone: string }) {
  const digits = minorUnitDigits(options.currency);
  const from = <T>(parse: (v: string) => { ok: true; value: T } | { ok: false; message: string }) =>
    z.string().transform((value, ctx): T => {
      const parsed = parse(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    });
  return z.object({
    customerKey: z.string().trim().min(1, 'is empty').max(200, 'is longer than 200 characters'),
    occurredAt: from((v) => parseDateValue(v, options.dateFormat, options.timeZone)),
    amountMinor: from((v) => parseAmountMinor(v, digits)),
    orderId: z.string().trim().max(200, 'is longer than 200 characters').transform((v) => (v === '' ? null : v)),
    quantity: from(parseQuantity),
  });
}

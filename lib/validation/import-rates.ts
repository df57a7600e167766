import { z } from 'zod';
import { isCurrencyCode } from '@/lib/money';

/** The review form names each rate's input `rate.<code>`, e.g. `rate.EUR`. */
export const RATE_FIELD_PREFIX = 'rate.';

// Up to 12 digits on each side of the point: from 1 IDR ≈ 0.000061 USD to 1 BTC-sized rates. A
// comma is refused rather than guessed: "1,085" is 1.085 in Berlin and 1085 in Boston.
const DECIMAL = /^(\d{0,12})(?:\.(\d{1,12}))?$/;

/**
 * "1 EUR = ? USD": a positive decimal with a point, kept as a canonical decimal string ("1.0850"
 * → "1.085", ".5" → "0.5") so that no float ever carries a rate; SQL reads it as numeric.
 */
export const exchangeRateSchema = z
  .string({ error: 'Enter the rate' })
  .trim()
  .superRefine((v, ctx) => {
    // One message per field: the first rule the value breaks.
    const message =
      v === '' ? 'Enter the rate'
      : v.includes(',') ? 'Use a point for the decimals, e.g. 1.085'
      : !DECIMAL.test(v) || !/\d/.test(v) ? 'Enter a number such as 1.085, with at most 12 digits on each side of the point'
      : !/[1-9]/.test(v) ? 'A rate must be more than 0'
      : null;
    if (message) ctx.addIssue({ code: 'custom', message });
  })
  .transform((v) => {
    const [, whole = '', fraction = ''] = DECIMAL.exec(v)!;
    const integer = whole.replace(/^0+(?=\d)/, '') || '0';
    const decimals = fraction.replace(/0+$/, '');
    return decimals ? `${integer}.${decimals}` : integer;
  });

const currencyCodeSchema = z.string().trim().toUpperCase().refine(isCurrencyCode, 'Not an ISO 4217 currency code');

/**
 * The review's commit: one rate per currency of the file other than the workspace's. Reads the
 * form's `rate.<code>` fields into { EUR: "1.085" }; an error's path is the currency code. Which
 * currencies need a rate is the import's business (see pickRates), not the form's.
 */
export const commitImportSchema = z.preprocess(
  (form) => Object.fromEntries(
    Object.entries(form as Record<string, unknown>)
      .filter(([key]) => key.startsWith(RATE_FIELD_PREFIX))
      .map(([key, value]) => [key.slice(RATE_FIELD_PREFIX.length).toUpperCase(), value]),
  ),
  z.record(currencyCodeSchema, exchangeRateSchema),
);
export type CommitImportInput = z.infer<typeof commitImportSchema>;

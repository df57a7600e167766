import { MAX_AMOUNT_MINOR } from '@/lib/csv/amounts';
import type { CurrencyTotal } from '@/lib/imports/currency-totals';
import { minorUnitDigits } from '@/lib/money';
import type { BulkTransaction } from '../bulk';

/** The staged amounts cannot be converted as asked; nothing is written. The message is for the user. */
export class ConversionError extends Error {}

/** A currency of the file has no rate into the reporting currency. */
export class MissingRateError extends ConversionError {
  constructor(
    readonly currencies: string[],
    reportingCurrency: string,
  ) {
    super(`The file has amounts in ${currencies.join(', ')}; this workspace reports in ${reportingCurrency}. `
      + `Enter a rate for ${currencies.length === 1 ? 'it' : 'each'} (1 ${currencies[0]} = ? ${reportingCurrency}) to import it.`);
  }
}

/** A rate would make an amount larger than one row may hold (a typo such as 1085 for 1.085). */
export class RateOutOfRangeError extends ConversionError {}

/**
 * Converts the staged amounts (import_staging, minor units of each row's own currency) into the
 * reporting currency, row by row, into gross_converted and refunded_converted, and returns the
 * file's net totals per currency, original and converted.
 *
 *   converted_minor = round(original_minor × rate × 10^(digits(reporting) − digits(original)))
 *
 * computed in SQL numeric — exact decimal arithmetic, no float anywhere — where round() rounds
 * half away from zero (108.5 → 109, −108.5 → −109). The digits are the currencies' minor units
 * (JPY 0, USD 2, KWD 3). Sale and refund of a row are rounded each on their own, because each
 * becomes an order line of its own; a refund never rounds to 0, though: the sign of amount_minor is
 * what marks a refund line, so a refund worth less than half a minor unit counts as one.
 *
 * Rows in the reporting currency are not touched (their converted columns stay NULL: the merge
 * uses the original). `rates` null is the dry run before the user has given rates: nothing is
 * converted, and the foreign currencies' converted totals come back null.
 */
export async function convertStagedAmounts(
  tx: BulkTransaction,
  reportingCurrency: string,
  rates: Readonly<Record<string, string>> | null,
): Promise<CurrencyTotal[]> {
  const staged = await tx.query<{ currency: string; net: string; largest: string }>(
    `SELECT currency, sum(gross_minor - refunded_minor)::text AS net,
       greatest(max(gross_minor), max(refunded_minor))::text AS largest
     FROM import_staging GROUP BY currency ORDER BY currency`,
  );
  const foreign = staged.filter((s) => s.currency !== reportingCurrency);
  if (rates !== null) {
    const missing = foreign.filter((s) => !rates[s.currency]).map((s) => s.currency);
    if (missing.length > 0) throw new MissingRateError(missing, reportingCurrency);
  }
  const conversions = foreign.filter((s) => rates?.[s.currency]).map((s) => ({
    currency: s.currency,
    rate: rates![s.currency]!,
    shift: minorUnitDigits(reportingCurrency) - minorUnitDigits(s.currency),
    largest: s.largest,
  }));
  const converted = new Map<string, number>();
  if (conversions.length > 0) {
    await checkRange(tx, conversions, reportingCurrency);
    const rows = await tx.query<{ currency: string; net: string }>(
      `WITH factors AS (
         SELECT currency, rate::numeric * 10::numeric ^ shift AS factor
         FROM jsonb_to_recordset($1::text::jsonb) AS x(currency text, rate text, shift int)),
       converted AS (
         UPDATE import_staging s SET
           gross_converted = round(s.gross_minor * f.factor)::bigint,
           refunded_converted = CASE WHEN s.refunded_minor = 0 THEN 0 ELSE greatest(round(s.refunded_minor * f.factor), 1)::bigint END
         FROM factors f WHERE s.currency = f.currency
         RETURNING s.currency, s.gross_converted - s.refunded_converted AS net)
       SELECT currency, sum(net)::text AS net FROM converted GROUP BY currency`,
      [JSON.stringify(conversions)],
    );
    for (const row of rows) converted.set(row.currency, Number(row.net));
  }
  return staged.map((s) => {
    const isReporting = s.currency === reportingCurrency;
    return {
      currency: s.currency,
      originalNetMinor: Number(s.net),
      rate: isReporting ? '1' : (rates?.[s.currency] ?? null),
      convertedNetMinor: isReporting ? Number(s.net) : (converted.get(s.currency) ?? null),
    };
  });
}

/**
 * Refuses a rate that would turn the file's largest amount in that currency into more than
 * MAX_AMOUNT_MINOR, the most one row may hold (it keeps every sum far inside a bigint).
 */
async function checkRange(tx: BulkTransaction, conversions: { currency: string; rate: string }[], reportingCurrency: string): Promise<void> {
  const [tooLarge] = await tx.query<{ currency: string; rate: string }>(
    `SELECT currency, rate FROM jsonb_to_recordset($1::text::jsonb) AS x(currency text, rate text, shift int, largest text)
     WHERE round(largest::numeric * rate::numeric * 10::numeric ^ shift) > $2 LIMIT 1`,
    [JSON.stringify(conversions), MAX_AMOUNT_MINOR],
  );
  if (tooLarge) {
    const most = (MAX_AMOUNT_MINOR / 10 ** minorUnitDigits(reportingCurrency)).toLocaleString('en-US');
    throw new RateOutOfRangeError(`At 1 ${tooLarge.currency} = ${tooLarge.rate} ${reportingCurrency}, an amount of the file would be more than `
      + `${most} ${reportingCurrency}, the most one row may hold. Check the rate.`);
  }
}

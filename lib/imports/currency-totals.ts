/**
 * One currency of an imported file: its net total (sales − refunds) as the file gave it, the rate
 * used, and the same rows converted into the workspace's reporting currency. Plain JSON: kept with
 * the import and shown side by side, so a total is never a sum of mixed currencies.
 */
export interface CurrencyTotal {
  /** ISO 4217 code of the file's amounts. */
  currency: string;
  /** Minor units of `currency`. */
  originalNetMinor: number;
  /** 1 `currency` = `rate` reporting currency, a decimal string ("1" for the reporting currency); null until the user gives it. */
  rate: string | null;
  /**
   * Minor units of the reporting currency: the sum of the rows' converted amounts, each row rounded
   * on its own (so it can differ by a few minor units from converting the original total); null
   * until the rate is known.
   */
  convertedNetMinor: number | null;
}

/** The currencies of `totals` other than the reporting one: each needs a rate before the commit. */
export function listForeignCurrencies(totals: readonly CurrencyTotal[], reportingCurrency: string): string[] {
  return totals.map((t) => t.currency).filter((c) => c !== reportingCurrency);
}

/** The grand total in the reporting currency, or null while any currency's rate is unknown. */
export function sumConverted(totals: readonly CurrencyTotal[]): number | null {
  let sum = 0;
  for (const t of totals) {
    if (t.convertedNetMinor === null) return null;
    sum += t.convertedNetMinor;
  }
  return sum;
}

/**
 * The rates the commit needs: one for each of `required`, taken from what the user entered (extra
 * ones are dropped). `missing` lists the currencies still without a rate.
 */
export function pickRates(required: readonly string[], entered: Readonly<Record<string, string>>): { rates: Record<string, string>; missing: string[] } {
  const rates: Record<string, string> = {};
  const missing: string[] = [];
  for (const currency of required) {
    if (entered[currency]) rates[currency] = entered[currency];
    else missing.push(currency);
  }
  return { rates, missing };
}

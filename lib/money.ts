// Building an Intl.NumberFormat costs microseconds; imports ask once per cell, so remember answers.
const digitsByCurrency = new Map<string, number>();

/** Decimal places of a currency's minor unit (USD 2, JPY 0, KWD 3), from the ICU data in Intl. */
export function minorUnitDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  let digits: number;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new Error(`Unknown currency code "${currency}"`);
  }
  if (digitsByCurrency.size < 1000) digitsByCurrency.set(currency, digits);
  return digits;
}

// Intl.NumberFormat formats any three letters ("XYZ") as a currency; only this list is ISO 4217.
const KNOWN_CURRENCIES = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

/** True when `code` is an ISO 4217 code that Intl knows. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code) || !KNOWN_CURRENCIES.has(code)) return false;
  try {
    minorUnitDigits(code);
    return true;
  } catch {
    return false;
  }
}

/** Minor units → major units as a number, for display and charts only (never for sums). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

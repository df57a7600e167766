import { minorUnitDigits } from './money';

const integerFormat = new Intl.NumberFormat('en-US');

/** 23570 → "23,570". */
export function formatInteger(n: number): string {
  return integerFormat.format(Math.round(n));
}

/**
 * Minor units → "$2,500,315.63". Exact: the minor units are split, not divided as floats. A
 * fractional amount (an average) is rounded to the nearest minor unit.
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = abs % scale;
  const symbol = currencySymbol(currency);
  const fractionText = digits > 0 ? `.${String(fraction).padStart(digits, '0')}` : '';
  return `${sign}${symbol}${integerFormat.format(whole)}${fractionText}`;
}

/** 2.95537 → "2.955". */
/** "1 refund", "2 refunds", "1,000 rows": a count with its noun in the right number. */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(n)} ${n === 1 ? singular : plural}`;
}

export function formatDecimal(n: number, digits = 3): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 0.4123 → "41.2%". */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

/** A timestamp as a calendar date in the workspace time zone: "1997-01-01". */
export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** A timestamp as date and minute in the workspace time zone: "1997-01-01 14:05". */
export function formatDateTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Seconds for a duration: 0.347 → "0.35 s", 75.2 → "75.2 s". */
export function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

/** "$" for USD, "€" for EUR; the code itself where there is no symbol. */
export function currencySymbol(currency: string): string {
  const part = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
  return part?.value ?? `${currency} `;
}

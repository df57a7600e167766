import type { DateFormat } from './fields';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The largest amount one row may carry (10^11 minor units, e.g. $1,000,000,000.00). It keeps every
 * sum over a million-row file, and a customer's lifetime totals, far inside a bigint.
 */
export const MAX_AMOUNT_MINOR = 100_000_000_000;

/**
 * A decimal amount in major units → integer minor units, exactly (string arithmetic, no float
 * rounding). Accepts an optional sign and an optional leading `$`, `€` or `£`. More decimals than
 * the currency has is an error, never a silent rounding.
 */
export function parseAmountMinor(text: string, minorDigits: number): Parsed<number> {
  const match = /^([-+])?\s*[$€£]?\s*(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return { ok: false, message: 'is not a number' };
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > minorDigits) {
    return { ok: false, message: `has more than ${minorDigits} decimal places` };
  }
  const minor = Number(whole + fraction.padEnd(minorDigits, '0'));
  if (!(minor <= MAX_AMOUNT_MINOR)) {
    return { ok: false, message: `is more than ${(MAX_AMOUNT_MINOR / 10 ** minorDigits).toLocaleString('en-US')}, the most one row may hold` };
  }
  return { ok: true, value: sign === '-' && minor !== 0 ? -minor : minor };
}

/** A whole number of items (quantity); blank is allowed and means unknown. */
export function parseQuantity(text: string): Parsed<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/^-?\d{1,9}$/.test(trimmed)) return { ok: false, message: 'is not a whole number' };
  return { ok: true, value: Number(trimmed) };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date or timestamp → an instant. Values without an offset are wall-clock time in `timeZone`
 * (the workspace's), so a "1997-01-01" purchase falls on 1 January in that zone, never in the
 * server's. `auto` reads only ISO 8601 and YYYYMMDD; slash dates must name their order.
 */
export function parseDateValue(text: string, format: DateFormat, timeZone: string): Parsed<Date> {
  const value = text.trim();
  let parts: { y: number; mo: number; d: number; h?: number; mi?: number; s?: number; offset?: string } | null = null;
  const iso = ISO_DATE.exec(value);
  if ((format === 'auto' || format === 'YYYY-MM-DD') && iso) {
    parts = { y: +iso[1]!, mo: +iso[2]!, d: +iso[3]!, h: num(iso[4]), mi: num(iso[5]), s: num(iso[6]), offset: iso[7] };
  } else if ((format === 'auto' || format === 'YYYYMMDD') && /^\d{8}$/.test(value)) {
    parts = { y: +value.slice(0, 4), mo: +value.slice(4, 6), d: +value.slice(6, 8) };
  } else if (format === 'DD/MM/YYYY' || format === 'MM/DD/YYYY') {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
    if (m) {
      const [a, b] = [+m[1]!, +m[2]!];
      parts = { y: +m[3]!, mo: format === 'DD/MM/YYYY' ? b : a, d: format === 'DD/MM/YYYY' ? a : b, h: num(m[4]), mi: num(m[5]), s: num(m[6]) };
    }
  }
  if (!parts) {
    const expected = format === 'auto' ? 'YYYY-MM-DD or YYYYMMDD (choose the format for other layouts)' : format;
    return { ok: false, message: `is not a date in the format ${expected}` };
  }
  const { y, mo, d, h = 0, mi = 0, s = 0 } = parts;
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return { ok: false, message: 'is not a valid date' };
  if (y < 1900 || y > 2200) return { ok: false, message: 'is outside the years 1900–2200' };
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s);
  if (parts.offset) return { ok: true, value: new Date(wallClock - offsetMinutes(parts.offset) * 60_000) };
  return { ok: true, value: new Date(zonedWallClockToUtc(wallClock, timeZone)) };
}

function num(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

function isCalendarDate(y: number, mo: number, d: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const conversions = new Map<string, number>();

/**
 * Wall-clock milliseconds (as if UTC) in an IANA zone → the UTC instant. Memoised, because a
 * file has few distinct timestamps per zone compared with its rows and Intl is slow.
 */
export function zonedWallClockToUtc(wallClock: number, timeZone: string): number {
  if (timeZone === 'UTC') return wallClock;
  const key = `${timeZone}|${wallClock}`;
  const cached = conversions.get(key);
  if (cached !== undefined) return cached;
  // Two passes settle the offset across a DST change.
  let utc = wallClock - zoneOffset(wallClock, timeZone);
  utc = wallClock - zoneOffset(utc, timeZone);
  if (conversions.size > 500_000) conversions.clear();
  conversions.set(key, utc);
  return utc;
}

function zoneOffset(utc: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(utc)).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - (utc - (utc % 1000));
}

/** True for an IANA zone name that this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

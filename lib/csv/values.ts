import type { DateFormat } from './fields';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

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
  // Five digits: never an ISO date or YYYYMMDD, so the order of these checks does not matter.
  if (format === 'auto' && EXCEL_SERIAL.test(value)) return fromExcelSerial(Number(value), timeZone);
  const parts = dateParts(value, format);
  if (!parts) {
    const expected = format === 'auto' ? 'YYYY-MM-DD or YYYYMMDD (choose the format for other layouts)' : format;
    return { ok: false, message: `is not a date in the format ${expected}` };
  }
  const { y, mo, d, h = 0, mi = 0, s = 0 } = parts;
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return { ok: false, message: 'is not a valid date' };
  if (y < 1900 || y > 2200) return { ok: false, message: 'is outside the years 1900–2200' };
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s);
  if (parts.offset !== undefined) return { ok: true, value: new Date(wallClock - parts.offset * 60_000) };
  return { ok: true, value: new Date(zonedWallClockToUtc(wallClock, timeZone)) };
}

function dateParts(value: string, format: DateFormat): DateParts | null {
  switch (format) {
    case 'auto': return isoParts(value) ?? compactParts(value);
    case 'YYYY-MM-DD': return isoParts(value);
    case 'YYYYMMDD': return compactParts(value);
    case 'DD/MM/YYYY':
    case 'MM/DD/YYYY': {
      const m = DAY_MONTH.exec(value);
      if (!m) return null;
      const [a, b] = [+m[1]!, +m[2]!];
      const dayFirst = format === 'DD/MM/YYYY';
      return { y: +m[3]!, mo: dayFirst ? b : a, d: dayFirst ? a : b, h: to24h(num(m[4]), m[7]), mi: num(m[5]), s: num(m[6]) };
    }
  }
}

/** "20240131". */
function compactParts(value: string): DateParts | null {
  return /^\d{8}$/.test(value) ? { y: +value.slice(0, 4), mo: +value.slice(4, 6), d: +value.slice(6, 8) } : null;
}

interface DateParts {
  y: number;
  mo: number;
  d: number;
  h?: number;
  mi?: number;
  s?: number;
  /** The written UTC offset in minutes; absent for wall-clock time. */
  offset?: number;
}

/**
 * ISO 8601 parts. The common "2024-01-31", "2024-01-31 08:15:00" and the same with "Z" or an offset
 * such as "-05:00" (what shop exports write) are read digit by digit: the regex and its strings are
 * a third of a row's parsing.
 */
function isoParts(value: string): DateParts | null {
  const length = value.length;
  if (length === 10 || length === 19 || length === 20 || length === 25) {
    const y = digitsAt(value, 0, 4);
    const mo = digitsAt(value, 5, 7);
    const d = digitsAt(value, 8, 10);
    const isDate = y >= 0 && mo >= 0 && d >= 0 && value[4] === '-' && value[7] === '-';
    if (isDate && length === 10) return { y, mo, d };
    const h = digitsAt(value, 11, 13);
    const mi = digitsAt(value, 14, 16);
    const s = digitsAt(value, 17, 19);
    if (isDate && (value[10] === 'T' || value[10] === ' ') && value[13] === ':' && value[16] === ':' && h >= 0 && mi >= 0 && s >= 0) {
      if (length === 19) return { y, mo, d, h, mi, s };
      if (length === 20 && value[19] === 'Z') return { y, mo, d, h, mi, s, offset: 0 };
      const sign = value[19] === '-' ? -1 : value[19] === '+' ? 1 : 0;
      const offsetH = digitsAt(value, 20, 22);
      const offsetMi = digitsAt(value, 23, 25);
      if (length === 25 && sign !== 0 && value[22] === ':' && offsetH >= 0 && offsetMi >= 0) {
        return { y, mo, d, h, mi, s, offset: sign * (offsetH * 60 + offsetMi) };
      }
    }
  }
  const iso = ISO_DATE.exec(value);
  return iso && {
    y: +iso[1]!, mo: +iso[2]!, d: +iso[3]!, h: num(iso[4]), mi: num(iso[5]), s: num(iso[6]),
    offset: iso[7] === undefined ? undefined : offsetMinutes(iso[7]),
  };
}

/** The number the ASCII digits text[start, end) write; −1 when one of them is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** "31/01/2024", "1.31.2024 8:26", "01-31-2024 2:05:09 PM": the order of the first two parts is the format's. */
export const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
// Excel stores days since 1899-12-30 (the epoch that absorbs its 1900 leap-year bug); five digits
// covers 1927–2173 and keeps YYYYMMDD (eight digits) and years (four) out.
const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel serial date: wall-clock time in the workspace zone, to the second. */
function fromExcelSerial(serial: number, timeZone: string): Parsed<Date> {
  const wallClock = EXCEL_EPOCH + Math.round(serial * 86_400) * 1000;
  return { ok: true, value: new Date(zonedWallClockToUtc(wallClock, timeZone)) };
}

function to24h(hour: number | undefined, meridiem: string | undefined): number | undefined {
  if (hour === undefined || !meridiem) return hour;
  if (hour < 1 || hour > 12) return 99; // rejected below as not a valid time
  return (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
}

function num(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether y-mo-d exists in the proleptic Gregorian calendar; years below 100 never do, as for Date.UTC (which reads them as 19xx). */
function isCalendarDate(y: number, mo: number, d: number): boolean {
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const isLeap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && isLeap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

const DAY_MS = 86_400_000;
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
/** Per zone: UTC day number → the zone's offset all through that day, or null for a day it changes. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** Wall-clock milliseconds (as if UTC) in an IANA zone → the UTC instant. */
export function zonedWallClockToUtc(wallClock: number, timeZone: string): number {
  if (timeZone === 'UTC') return wallClock;
  // Two passes settle the offset across a DST change.
  const utc = wallClock - offsetAt(wallClock, timeZone);
  return wallClock - offsetAt(utc, timeZone);
}

/**
 * The zone's offset at a whole-second instant. Intl costs microseconds a call, and a file has many
 * timestamps but few days: a day whose start and end have the same offset has it all through (no
 * zone changes its offset twice within a day), so one look-up serves every timestamp of the day;
 * only the instants of a day with a change ask Intl.
 */
function offsetAt(utc: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  const day = Math.floor(utc / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = zoneOffset(day * DAY_MS, timeZone);
    offset = start === zoneOffset((day + 1) * DAY_MS, timeZone) ? start : null;
    days.set(day, offset);
  }
  return offset ?? zoneOffset(utc, timeZone);
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

// Calendar days as integers (days since 1970-01-01), so that "same day" and "days between" are exact.
// Which day an instant falls on depends on the workspace's time zone, so timestamps are converted with
// Intl in that zone; a bare YYYY-MM-DD is already a calendar day and is taken as is.
import { ClvInputError } from './errors';

const MS_PER_DAY = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new ClvInputError('invalid-option', `unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Day number of a YYYY-MM-DD string, or null when it is not a real calendar date. */
export function parseDay(text: string): number | null {
  const m = DATE_ONLY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

/** YYYY-MM-DD of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Calendar day (days since 1970-01-01) of a date: a YYYY-MM-DD string as written; an ISO timestamp
 * or Date at its local date in `timeZone` (IANA name). Returns null for an unreadable date.
 */
export function toDay(value: string | Date, timeZone: string): number | null {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return parseDay(value); // 2024-02-30 stays invalid
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return null;
  if (timeZone === 'UTC') return Math.floor(instant.getTime() / MS_PER_DAY);
  return parseDay(formatterFor(timeZone).format(instant));
}

/** Checks the time zone name once, up front, so a typo fails before any row is read. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

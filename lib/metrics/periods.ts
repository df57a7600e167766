/** Calendar granularities the overview groups by; `all` is the whole history as one period. */
export const PERIOD_UNITS = ['all', 'year', 'quarter', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * The key of the period that starts on `start` ("YYYY-MM-DD", first day of the period in the
 * workspace time zone): year "1997", quarter "1997-Q1", month "1997-01".
 */
export function periodKey(unit: Exclude<PeriodUnit, 'all'>, start: string): string {
  const year = start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  if (unit === 'year') return year;
  if (unit === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${start.slice(5, 7)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period key for people: "1997", "Q1 1997", "Jan 1997". */
export function periodLabel(key: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(key);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return key;
}

/** "YYYY-MM" as months since the start of year 0, or null when `key` is not a month key. */
function monthIndex(key: string | undefined): number | null {
  const match = key ? /^(\d{4})-(\d{2})$/.exec(key) : null;
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

/**
 * Every month key from `first` to `last`, inclusive ("1997-11", "1997-12", "1998-01"): a chart of
 * monthly figures needs the months without orders too, or a gap of years would not show. Empty when
 * either is not a month key or `last` comes before `first`.
 */
export function monthKeysBetween(first: string | undefined, last: string | undefined): string[] {
  const [a, b] = [monthIndex(first), monthIndex(last)];
  if (a === null || b === null) return [];
  const keys: string[] = [];
  for (let i = a; i <= b; i++) keys.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return keys;
}

import { describe, expect, it } from 'vitest';
import { parseAmountMinor, parseDateValue, parseQuantity } from '@/lib/csv/values';

describe('parseAmountMinor', () => {
  it.each([
    ['29.33', 2, 2933],
    ['-5.5', 2, -550],
    ['$1200', 2, 120000],
    ['0', 2, 0],
    ['-0.00', 2, 0],
    ['1500', 0, 1500],
    ['12.345', 3, 12345],
  ])('%s with %i decimals → %i minor units', (text, digits, expected) => {
    expect(parseAmountMinor(text, digits)).toEqual({ ok: true, value: expected });
  });

  it('is exact where floats are not: 0.29 × 100 is 28.999… in binary floating point', () => {
    expect(parseAmountMinor('0.29', 2)).toEqual({ ok: true, value: 29 });
    expect(parseAmountMinor('1.005', 3)).toEqual({ ok: true, value: 1005 });
  });

  it.each(['12.3x', '', 'abc', '1,000.00', '1.2.3', '--5'])('rejects %j', (text) => {
    expect(parseAmountMinor(text, 2)).toMatchObject({ ok: false, message: 'is not a number' });
  });

  it('caps one row at 10^11 minor units, so a million rows still sum inside a bigint (break-it test: 1,100 × 90,071,992,547,409.91 overflowed)', () => {
    expect(parseAmountMinor('1000000000.00', 2)).toEqual({ ok: true, value: 100_000_000_000 });
    expect(parseAmountMinor('1000000000.01', 2)).toEqual({ ok: false, message: 'is more than 1,000,000,000, the most one row may hold' });
    expect(parseAmountMinor('90071992547409.91', 2)).toMatchObject({ ok: false });
    expect(parseAmountMinor('100000000001', 0)).toEqual({ ok: false, message: 'is more than 100,000,000,000, the most one row may hold' });
  });

  it('rejects more decimals than the currency has instead of rounding', () => {
    expect(parseAmountMinor('1.234', 2)).toEqual({ ok: false, message: 'has more than 2 decimal places' });
  });
});

describe('parseDateValue', () => {
  const iso = (text: string, format: Parameters<typeof parseDateValue>[1] = 'auto', tz = 'UTC') => {
    const r = parseDateValue(text, format, tz);
    return r.ok ? r.value.toISOString() : r.message;
  };

  it('reads CDNOW YYYYMMDD and ISO dates as midnight in the workspace zone', () => {
    expect(iso('19970101')).toBe('1997-01-01T00:00:00.000Z');
    expect(iso('1997-01-01')).toBe('1997-01-01T00:00:00.000Z');
    // Berlin is UTC+1 in January: local midnight is 23:00 the day before in UTC.
    expect(iso('1997-01-01', 'auto', 'Europe/Berlin')).toBe('1996-12-31T23:00:00.000Z');
    // New York is UTC−4 in July (daylight saving time).
    expect(iso('2024-07-04 12:30', 'auto', 'America/New_York')).toBe('2024-07-04T16:30:00.000Z');
  });

  it('honours an explicit offset over the workspace zone', () => {
    expect(iso('2024-03-10T10:00:00+02:00', 'auto', 'America/New_York')).toBe('2024-03-10T08:00:00.000Z');
    expect(iso('2024-03-10T10:00:00Z', 'auto', 'Asia/Tokyo')).toBe('2024-03-10T10:00:00.000Z');
  });

  it('reads slash dates only in the declared order', () => {
    expect(iso('03/04/2024', 'DD/MM/YYYY')).toBe('2024-04-03T00:00:00.000Z');
    expect(iso('03/04/2024', 'MM/DD/YYYY')).toBe('2024-03-04T00:00:00.000Z');
    expect(iso('03/04/2024')).toMatch(/is not a date in the format YYYY-MM-DD or YYYYMMDD/);
  });

  it('rejects impossible dates', () => {
    expect(iso('19970231')).toBe('is not a valid date');
    expect(iso('2023-02-29')).toBe('is not a valid date');
    expect(iso('31/31/2024', 'DD/MM/YYYY')).toBe('is not a valid date');
    expect(iso('yesterday')).toMatch(/is not a date/);
  });
});

describe('parseQuantity', () => {
  it('accepts whole numbers and blank', () => {
    expect(parseQuantity('3')).toEqual({ ok: true, value: 3 });
    expect(parseQuantity(' ')).toEqual({ ok: true, value: null });
    expect(parseQuantity('2.5')).toMatchObject({ ok: false });
  });
});

import { describe, expect, it } from 'vitest';
import { parseDateValue, parseQuantity } from '@/lib/csv/values';

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

  it('reads Shopify offsets with a space, Excel serials and 12-hour clocks', () => {
    // 14:22:10 at UTC−5 is 19:22:10 UTC.
    expect(iso('2024-03-05 14:22:10 -0500', 'auto', 'Europe/Berlin')).toBe('2024-03-05T19:22:10.000Z');
    // Serial 45352 is 2024-03-01 (45292 = 2024-01-01, + 31 + 29 days); .75 is 18:00 wall clock.
    expect(iso('45352.75')).toBe('2024-03-01T18:00:00.000Z');
    expect(iso('03/04/2024 2:05 PM', 'MM/DD/YYYY')).toBe('2024-03-04T14:05:00.000Z');
    expect(iso('31.01.2024', 'DD/MM/YYYY')).toBe('2024-01-31T00:00:00.000Z');
    expect(iso('12/1/2010 8:26', 'MM/DD/YYYY', 'Europe/London')).toBe('2010-12-01T08:26:00.000Z');
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

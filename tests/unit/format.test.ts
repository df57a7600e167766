import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDecimal, formatInteger, formatMoney, formatPercent, formatSeconds } from '@/lib/format';
import { monthKeysBetween, periodKey, periodLabel } from '@/lib/metrics/periods';

describe('formatting as the overview shows it', () => {
  it('formats money exactly from minor units', () => {
    expect(formatMoney(250_031_563, 'USD')).toBe('$2,500,315.63');
    expect(formatMoney(3589.3648, 'USD')).toBe('$35.89');
    expect(formatMoney(-550, 'USD')).toBe('-$5.50');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
  });

  it('formats counts and ratios', () => {
    expect(formatInteger(23_570)).toBe('23,570');
    expect(formatDecimal(69_659 / 23_570)).toBe('2.955');
    expect(formatPercent(0.49478)).toBe('49.5%');
    expect(formatCount(1, 'refund')).toBe('1 refund');
    expect(formatCount(0, 'refund')).toBe('0 refunds');
    expect(formatCount(69_659, 'order')).toBe('69,659 orders');
    expect(formatSeconds(0.3468)).toBe('0.35 s');
    expect(formatSeconds(75.24)).toBe('75.2 s');
  });

  it('formats an instant in the workspace time zone', () => {
    // 1997-01-01T04:30Z is 23:30 on 31 December in New York (UTC−5).
    expect(formatDateTime(new Date('1997-01-01T04:30:00Z'), 'America/New_York')).toBe('1996-12-31 23:30');
    expect(formatDateTime(new Date('1997-01-01T00:05:00Z'), 'UTC')).toBe('1997-01-01 00:05');
  });

  it('names calendar periods', () => {
    expect(periodKey('quarter', '1997-01-01')).toBe('1997-Q1');
    expect(periodKey('quarter', '1997-10-01')).toBe('1997-Q4');
    expect(periodKey('month', '1998-06-01')).toBe('1998-06');
    expect(periodKey('year', '1998-01-01')).toBe('1998');
    expect(periodLabel('1997-Q1')).toBe('Q1 1997');
    expect(periodLabel('1998-06')).toBe('Jun 1998');
  });

  it('lists the months between two, empty ones included, across a year end', () => {
    expect(monthKeysBetween('1997-11', '1998-02')).toEqual(['1997-11', '1997-12', '1998-01', '1998-02']);
    expect(monthKeysBetween('2024-05', '2024-05')).toEqual(['2024-05']);
    // Jan 2022 to Jan 2024: 25 months, whatever months between had orders.
    expect(monthKeysBetween('2022-01', '2024-01')).toHaveLength(25);
    expect(monthKeysBetween('2024-05', '2024-04')).toEqual([]);
    expect(monthKeysBetween(undefined, '2024-04')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseMoney } from '@/lib/csv/amounts';

describe('parseMoney', () => {
  it.each([
    ['29.33', 'USD', 2933],
    ['-5.5', 'USD', -550],
    ['$1200', 'USD', 120000],
    ['0', 'USD', 0],
    ['-0.00', 'USD', 0],
    ['1500', 'JPY', 1500],
    ['12.345', 'KWD', 12345],
    ['1,234.56', 'USD', 123456],
    ['1.234,56', 'EUR', 123456],
    ['1 234,56', 'EUR', 123456],
    ['1\u00a0234,56', 'EUR', 123456],
    ["1'234.50", 'CHF', 123450],
    ['1,000.00', 'USD', 100000],
    ['12,50', 'EUR', 1250],
    ['1,234', 'USD', 123400],
    ['€12,50', 'EUR', 1250],
    ['12 EUR', 'EUR', 1200],
    ['USD 7.10', 'USD', 710],
    ['(5.00)', 'USD', -500],
    ['($5.00)', 'USD', -500],
    ['-$5', 'USD', -500],
    ['5.00-', 'USD', -500],
    ['£3.20', 'GBP', 320],
  ])('%s in %s → %i minor units', (text, currency, expected) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, value: expected });
  });

  it('is exact where floats are not: 0.29 × 100 is 28.999… in binary floating point', () => {
    expect(parseMoney('0.29', 'USD')).toEqual({ ok: true, value: 29 });
    expect(parseMoney('1.005', 'KWD')).toEqual({ ok: true, value: 1005 });
  });

  it.each(['12.3x', '', 'abc', 'five', '1.2.3', '--5', '1,23,4.00', '12,5,0'])('rejects %j', (text) => {
    expect(parseMoney(text, 'USD')).toMatchObject({ ok: false, message: 'is not a number' });
  });

  it('honours an explicit decimal separator', () => {
    expect(parseMoney('1.234', 'EUR', ',')).toEqual({ ok: true, value: 123400 });
    expect(parseMoney('12,50', 'USD', '.')).toMatchObject({ ok: false, message: 'is not a number' });
  });

  it('rejects more decimals than the currency has, and a currency that is not the file’s', () => {
    expect(parseMoney('1.234', 'USD')).toEqual({ ok: false, message: 'has more than 2 decimal places' });
    expect(parseMoney('12 EUR', 'USD')).toEqual({ ok: false, message: 'is in EUR, not USD' });
    expect(parseMoney('€12', 'USD')).toEqual({ ok: false, message: 'is in EUR, not USD' });
    expect(parseMoney('$12', 'EUR')).toEqual({ ok: false, message: 'is in dollars, not EUR' });
  });

  it('caps one row at 10^11 minor units, so a million rows still sum inside a bigint (break-it test: 1,100 × 90,071,992,547,409.91 overflowed)', () => {
    expect(parseMoney('1000000000.00', 'USD')).toEqual({ ok: true, value: 100_000_000_000 });
    expect(parseMoney('1,000,000,000.01', 'USD')).toEqual({ ok: false, message: 'is more than 1,000,000,000, the most one row may hold' });
    expect(parseMoney('90071992547409.91', 'USD')).toMatchObject({ ok: false });
    expect(parseMoney('100000000001', 'JPY')).toEqual({ ok: false, message: 'is more than 100,000,000,000, the most one row may hold' });
  });
});

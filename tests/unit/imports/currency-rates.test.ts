import { describe, expect, it } from 'vitest';
import { listForeignCurrencies, pickRates, sumConverted, type CurrencyTotal } from '@/lib/imports/currency-totals';
import { isCurrencyCode } from '@/lib/money';
import { commitImportSchema, exchangeRateSchema } from '@/lib/validation/import-rates';

describe('exchangeRateSchema: "1 EUR = ? USD"', () => {
  it.each([
    ['1.085', '1.085'],
    ['1.0850', '1.085'],
    [' 0.0067 ', '0.0067'],
    ['.5', '0.5'],
    ['150', '150'],
    ['007.10', '7.1'],
    ['0.000000000001', '0.000000000001'],
    ['999999999999.999999999999', '999999999999.999999999999'],
  ])('accepts %j as the canonical decimal %j', (input, canonical) => {
    expect(exchangeRateSchema.parse(input)).toBe(canonical);
  });

  it.each([
    ['', 'Enter the rate'],
    ['   ', 'Enter the rate'],
    ['0', 'A rate must be more than 0'],
    ['0.000', 'A rate must be more than 0'],
    ['1,085', 'Use a point for the decimals, e.g. 1.085'],
    ['-1.085', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
    ['1e3', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
    ['1.2.3', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
    ['150.', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
    ['.', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
    ['1.0000000000001', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
    ['1000000000000', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
    ['one', 'Enter a number such as 1.085, with at most 12 digits on each side of the point'],
  ])('refuses %j with one message: %s', (input, message) => {
    const result = exchangeRateSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([message]);
  });
});

describe('commitImportSchema', () => {
  it('reads the rate.<code> fields into rates by upper-case code and ignores other fields', () => {
    expect(commitImportSchema.parse({ 'rate.eur': '1.0850', 'rate.JPY': '0.0067', other: 'x' })).toEqual({ EUR: '1.085', JPY: '0.0067' });
    expect(commitImportSchema.parse({})).toEqual({});
  });

  it('names the currency of a bad rate, and refuses a code that is not ISO 4217', () => {
    const bad = commitImportSchema.safeParse({ 'rate.EUR': '1,085' });
    expect(bad.error!.issues).toMatchObject([{ path: ['EUR'], message: 'Use a point for the decimals, e.g. 1.085' }]);
    expect(commitImportSchema.safeParse({ 'rate.XYZ': '1' }).success).toBe(false);
  });
});

describe('isCurrencyCode', () => {
  it('knows ISO 4217 codes, not any three letters (Intl formats "XYZ" without complaint)', () => {
    expect(['USD', 'EUR', 'JPY', 'KWD'].every(isCurrencyCode)).toBe(true);
    expect(['XYZ', 'usd', 'US', 'DOLLARS'].some(isCurrencyCode)).toBe(false);
  });
});

describe('currency totals', () => {
  const totals: CurrencyTotal[] = [
    { currency: 'EUR', originalNetMinor: 7_495, rate: null, convertedNetMinor: null },
    { currency: 'USD', originalNetMinor: 6_400, rate: '1', convertedNetMinor: 6_400 },
  ];

  it('lists the currencies that need a rate', () => {
    expect(listForeignCurrencies(totals, 'USD')).toEqual(['EUR']);
    expect(listForeignCurrencies(totals, 'EUR')).toEqual(['USD']);
  });

  it('adds converted totals only once every rate is known', () => {
    expect(sumConverted(totals)).toBeNull();
    // 8,133 (EUR converted row by row) + 6,400 = 14,533.
    expect(sumConverted([{ ...totals[0]!, rate: '1.085', convertedNetMinor: 8_133 }, totals[1]!])).toBe(14_533);
    expect(sumConverted([])).toBe(0);
  });

  it('picks the rates the import needs and names the missing ones', () => {
    expect(pickRates(['EUR', 'GBP'], { EUR: '1.085', CHF: '1.1' })).toEqual({ rates: { EUR: '1.085' }, missing: ['GBP'] });
    expect(pickRates([], { EUR: '1.085' })).toEqual({ rates: {}, missing: [] });
  });
});

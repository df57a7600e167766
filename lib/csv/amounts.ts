import { isCurrencyCode, minorUnitDigits } from '@/lib/money';
import type { Parsed } from './values';

/** Which character separates the decimals. `auto` reads each value on its own (rules below). */
export const DECIMAL_SEPARATORS = ['auto', '.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

// Symbols that name one currency. "$" is shared by USD, CAD, AUD… so it agrees with any of them.
const SYMBOLS: Record<string, string | null> = { '$': null, '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'zł': 'PLN', 'kr': null, 'Fr.': 'CHF' };
const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']);
// Spaces of every width that spreadsheets use to group thousands ("1 234,56").
const GROUP_SPACES = /[\s\u00a0\u202f']/g;

/**
 * A money cell in major units → integer minor units of `currency`, exactly (string arithmetic, no
 * float rounding). Accepts a sign, a trailing minus, parentheses for negatives ("(5.00)"), a
 * currency symbol or ISO code before or after ("$12", "12 EUR", "€12,50") — which must agree
 * with `currency` — and thousands separators. More decimals than the currency has is an error,
 * never a silent rounding.
 *
 * With `decimal: 'auto'`: when both "." and "," occur the last one is the decimal separator; a
 * separator that occurs twice groups thousands; a lone "," followed by exactly three digits groups
 * thousands ("1,234"), otherwise it is the decimal comma ("12,50"); a lone "." is decimal.
 */
export function parseMoney(text: string, currency: string, decimal: DecimalSeparator = 'auto'): Parsed<number> {
  let value = text.trim();
  // Most cells are plain "-12.50": skip the symbol, sign and grouping rules for them.
  const plain = decimal !== ',' ? PLAIN.exec(value) : null;
  if (plain) return toMinor(plain[1] === '-', plain[2]!, plain[3] ?? '', currency);
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(value);
  if (parenthesised) [negative, value] = [true, parenthesised[1]!.trim()];
  const before = takeSign(value);
  const stripped = stripCurrency(before.rest, currency);
  if (!stripped.ok) return stripped;
  // The sign may sit outside or inside the symbol: "-$5", "$-5", "5-" (some ERP exports).
  const after = takeSign(stripped.value);
  if (before.sign && after.sign) return { ok: false, message: 'is not a number' };
  if ((before.sign ?? after.sign) === '-') negative = !negative;
  value = after.rest;
  const digits = splitDecimal(value.replace(GROUP_SPACES, ' '), decimal);
  if (!digits) return { ok: false, message: 'is not a number' };
  return toMinor(negative, digits.whole, digits.fraction, currency);
}

const PLAIN = /^([-+]?)(\d+)(?:\.(\d+))?$/;

/**
 * The largest amount one row may carry (10^11 minor units, e.g. $1,000,000,000.00). It keeps every
 * sum over a million-row file, and a customer's lifetime totals, far inside a bigint.
 */
export const MAX_AMOUNT_MINOR = 100_000_000_000;

function toMinor(negative: boolean, whole: string, fraction: string, currency: string): Parsed<number> {
  const minorDigits = minorUnitDigits(currency);
  if (fraction.length > minorDigits) return { ok: false, message: `has more than ${minorDigits} decimal places` };
  const minor = Number(whole + fraction.padEnd(minorDigits, '0'));
  if (!(minor <= MAX_AMOUNT_MINOR)) {
    return { ok: false, message: `is more than ${(MAX_AMOUNT_MINOR / 10 ** minorDigits).toLocaleString('en-US')}, the most one row may hold` };
  }
  return { ok: true, value: negative && minor !== 0 ? -minor : minor };
}

function takeSign(value: string): { sign: '-' | '+' | null; rest: string } {
  const lead = /^([-+])\s*(.*)$/.exec(value);
  if (lead) return { sign: lead[1] as '-' | '+', rest: lead[2]! };
  if (value.endsWith('-')) return { sign: '-', rest: value.slice(0, -1).trim() };
  return { sign: null, rest: value };
}

function stripCurrency(value: string, currency: string): Parsed<string> {
  const code = /^([A-Za-z]{3})\s*(.+)$/.exec(value) ?? /^(.+?)\s*([A-Za-z]{3})$/.exec(value);
  const [name, rest] = code ? (/^[A-Za-z]{3}$/.test(code[1]!) ? [code[1]!, code[2]!] : [code[2]!, code[1]!]) : ['', ''];
  // Only a code the runtime lists, next to digits, counts: a word such as "five" stays "not a number".
  if (code && /\d/.test(rest) && isCurrencyCode(name.toUpperCase())) {
    if (name.toUpperCase() !== currency) return { ok: false, message: `is in ${name.toUpperCase()}, not ${currency}` };
    return { ok: true, value: rest.trim() };
  }
  for (const [symbol, named] of Object.entries(SYMBOLS)) {
    const at = value.startsWith(symbol) ? 'start' : value.endsWith(symbol) ? 'end' : null;
    if (!at) continue;
    if (named ? named !== currency : symbol === '$' && !DOLLAR_CURRENCIES.has(currency)) {
      return { ok: false, message: `is in ${named ?? 'dollars'}, not ${currency}` };
    }
    return { ok: true, value: (at === 'start' ? value.slice(symbol.length) : value.slice(0, -symbol.length)).trim() };
  }
  return { ok: true, value };
}

/** "1 234,56" → { whole: "1234", fraction: "56" }; null when the grouping is not in threes. */
function splitDecimal(value: string, decimal: DecimalSeparator): { whole: string; fraction: string } | null {
  const separator = decimal === 'auto' ? guessDecimal(value) : decimal;
  const group = separator === '.' ? ',' : '.';
  const [whole = '', fraction = '', extra] = value.split(separator);
  if (extra !== undefined || !/^\d*$/.test(fraction)) return null;
  const groups = whole.split(new RegExp(`[ ${group === '.' ? '\\.' : ','}]`));
  const isGrouped = groups.length > 1;
  if (isGrouped && !(/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))) return null;
  const joined = groups.join('');
  if (!/^\d+$/.test(joined) && !(joined === '' && fraction !== '')) return null;
  return { whole: joined || '0', fraction };
}

function guessDecimal(value: string): '.' | ',' {
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  if (lastComma < 0) return '.';
  const commas = value.split(',').length - 1;
  if (commas > 1) return '.';
  return /,\d{3}$/.test(value) ? '.' : ',';
}

import { describe, expect, it } from 'vitest';
import { readRecords } from '@/lib/csv/read-rows';

/** The text in chunks of `size` characters, to cut records, quotes and CRLFs at every position. */
async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function records(text: string, size: number, delimiter: ',' | ';' | 'whitespace' = ',') {
  const out: string[][] = [];
  for await (const batch of readRecords(chunks(text, size), delimiter)) out.push(...batch);
  return out;
}

describe('readRecords', () => {
  const csv = '\uFEFFname,note,amount\r\n"Doe, Jane","line one\r\nline ""two""",5\r\n\r\nbob,,6\r\n';
  const expected = [['name', 'note', 'amount'], ['Doe, Jane', 'line one\r\nline "two"', '5'], ['bob', '', '6']];

  it.each([1, 2, 3, 5, 8, 13, 1000])('keeps quoted line breaks and escaped quotes whole with %i-character chunks', async (size) => {
    expect(await records(csv, size)).toEqual(expected);
  });

  it('reads the whitespace layout line by line', async () => {
    expect(await records(' 0001 19970101  2  29.33\n\n 0002 19970102 1 9.00\n', 4, 'whitespace')).toEqual([
      ['0001', '19970101', '2', '29.33'], ['0002', '19970102', '1', '9.00'],
    ]);
  });

  it('bounds memory when a stray quote makes the rest of the file look quoted', async () => {
    // An odd number of quotes per line: no line break ever looks unquoted. Past 1 MB of carried
    // text it is cut at its last line break anyway, and papaparse reads a quote inside an
    // unquoted field literally, so every record still comes out whole.
    const rows = Array.from({ length: 60_000 }, (_, i) => `c${i},5" screen,${i}`).join('\n');
    const out = await records(`${rows}\n`, 64 * 1024);
    expect(out).toHaveLength(60_000);
    expect(out[59_999]).toEqual(['c59999', '5" screen', '59999']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLayout, guessDateFormat, guessMapping, withHeader } from '@/lib/csv/detect';

const head = (path: string) => readFileSync(path, 'utf8').slice(0, 4096);

describe('detectLayout and guessMapping', () => {
  it('reads the CDNOW_master layout: whitespace, header, named columns', () => {
    const layout = detectLayout(head('data/CDNOW_master.txt'));
    expect(layout.delimiter).toBe('whitespace');
    expect(layout.hasHeader).toBe(true);
    expect(layout.columns).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(guessMapping(layout)).toEqual({ customerId: 0, date: 1, quantity: 2, amount: 3 });
  });

  it('reads the headerless CDNOW sample by what the values look like', () => {
    const layout = detectLayout(head('tests/fixtures/datasets/CDNOW_sample.txt'));
    expect(layout.hasHeader).toBe(false);
    expect(layout.columns).toHaveLength(5);
    // master id, sample id, YYYYMMDD, CDs, dollars
    expect(guessMapping(layout)).toEqual({ customerId: 0, date: 2, quantity: 3, amount: 4 });
  });

  it('reads a comma CSV with a BOM and CRLF, mapping by header names', () => {
    const layout = detectLayout('\uFEFFOrder ID,Customer Email,Order Date,Total,Qty\r\nA1,x@y.com,2024-01-02,10.00,1\r\nA2,z@y.com,2024-01-03,5.00,2\r\n');
    expect(layout.delimiter).toBe(',');
    expect(guessMapping(layout)).toEqual({ orderId: 0, customerId: 1, date: 2, amount: 3, quantity: 4 });
  });

  it('detects semicolon and tab separators', () => {
    expect(detectLayout('a;b;c\n1;2;3\n4;5;6\n').delimiter).toBe(';');
    // A sample that is the whole file keeps its last row in the preview (the newcomer test saw it dropped).
    expect(detectLayout('a,b\n1,2\n3,4', 8, true).preview).toEqual([['1', '2'], ['3', '4']]);
    expect(detectLayout('a,b\n1,2\n3,4', 8, false).preview).toEqual([['1', '2']]);
    expect(detectLayout('a\tb\tc\n1\t2\t3\n4\t5\t6\n').delimiter).toBe('\t');
  });

  it('lets the user declare that the first row is data', () => {
    const layout = withHeader(detectLayout('customer,date,amount\nc1,2024-01-01,3.00\n'), false);
    expect(layout.columns).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(layout.preview[0]).toEqual(['customer', 'date', 'amount']);
  });
});

describe('guessDateFormat', () => {
  it('proposes a day/month order only when a value proves it', () => {
    expect(guessDateFormat(['03/04/2024', '25/04/2024'])).toBe('DD/MM/YYYY');
    expect(guessDateFormat(['03/04/2024', '04/25/2024'])).toBe('MM/DD/YYYY');
    expect(guessDateFormat(['03/04/2024', '05/06/2024'])).toBe('auto');
    expect(guessDateFormat(['2024-01-01'])).toBe('auto');
  });
});

// Detection, encodings, whole-column dates and the report, on small in-line files.
import { describe, expect, it } from 'vitest';
import { DateColumnProfile } from '@/lib/csv/date-order';
import { sniffEncoding } from '@/lib/csv/decode';
import { formatQualityReport } from '@/lib/imports/format-report';
import { detectPreset } from '@/lib/imports/presets/detect-preset';
import { ImportFileError } from '@/lib/imports/row-error';
import { brief, readAll } from './read-fixture';

const utf8 = (text: string) => new TextEncoder().encode(text);
const GENERIC = { mapping: { customerId: 0, date: 1, amount: 2 } };

describe('detectPreset', () => {
  it.each([
    [['Name', 'Email', 'Financial Status', 'Created at', 'Lineitem quantity', 'Total'], ',', 'shopify'],
    [['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Captured', 'Status'], ',', 'stripe'],
    [['order_number', 'order_date', 'status', 'order_total', 'billing_email'], ',', 'woocommerce'],
    [['Order Number', 'Order Status', 'Order Date', 'Order Total Amount', 'Email (Billing)'], ';', 'woocommerce'],
    [['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'], ',', 'online-retail'],
    [['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'], ',', 'online-retail'],
    [['\uFEFFcustomer_id', 'date', 'amount'], ',', 'generic'],
    [['00001', '19970101', '1', '11.77'], 'whitespace', 'cdnow'],
  ] as const)('%j → %s', (header, delimiter, name) => {
    expect(detectPreset([...header], delimiter).name).toBe(name);
  });

  it('maps by name, never position: reordered and extra columns read the same', async () => {
    const csv = 'Tags,Total,Created at,Financial Status,Email,Name,Lineitem quantity,Extra\nvip,10.00,2024-01-01 00:00:00 +0000,paid,x@example.test,#1,1,?\n';
    const { orders } = await readAll(utf8(csv));
    expect(orders.map(brief)).toEqual([[1, 'x@example.test', '#1', '2024-01-01T00:00:00.000Z', 1000, 0]]);
  });
});

describe('encodings', () => {
  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    // "Müller" with ü as the single byte 0xFC, and "€" as 0x80 in the (quoted) amount.
    const bytes = Uint8Array.from([...'customer,date,amount\nM', 0xfc, ...'ller,2024-01-01,"', 0x80, ...'12,50"\n'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    expect(sniffEncoding(bytes)).toBe('windows-1252');
    const { orders } = await readAll(bytes, { currency: 'EUR', generic: GENERIC });
    expect(orders.map(brief)).toEqual([[1, 'Müller', null, '2024-01-01T00:00:00.000Z', 1250, 0]]);
  });

  it('keeps UTF-8 characters that straddle chunk boundaries', async () => {
    const { orders } = await readAll(utf8('customer,date,amount\nżółć-ß-€,2024-01-01,1\n'), { generic: GENERIC });
    expect(orders[0]!.customerKey).toBe('żółć-ß-€');
  });

  it('rejects NUL bytes and mostly-control files as binary', () => {
    expect(() => sniffEncoding(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))).toThrow(/binary, not text \(it contains NUL bytes\)/);
    expect(() => sniffEncoding(Uint8Array.from([1, 2, 3, 4, 5, 65]))).toThrow(/mostly control bytes/);
  });
});

describe('day/month order from the whole column', () => {
  it('decides from any value that proves it, never from one row', () => {
    const profile = new DateColumnProfile();
    ['01/02/2024', '03/04/2024', '13/04/2024'].forEach((v, i) => profile.add(v, i + 1));
    expect(profile.verdict()).toEqual({ kind: 'decided', format: 'DD/MM/YYYY', source: 'column' });
  });

  it('asks when the column stays ambiguous to its end', async () => {
    const csv = 'customer,date,amount\na,01/02/2024,1\nb,03/04/2024,2\n';
    const error = await readAll(utf8(csv), { generic: GENERIC }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/Column "date": every date reads both as day\/month and as month\/day \(e\.g\. row 1, "01\/02\/2024"\)\. Choose the date format/);
  });

  it('uses the chosen format without asking', async () => {
    const csv = 'customer,date,amount\na,01/02/2024,1\n';
    const { orders } = await readAll(utf8(csv), { generic: { ...GENERIC, dateFormat: 'MM/DD/YYYY' } });
    expect(orders[0]!.occurredAt.toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('rejects a column with both 31/01 and 01/31, naming both rows', async () => {
    const csv = 'customer,date,amount\na,31/01/2024,1\nb,05/05/2024,1\nc,01/31/2024,1\n';
    await expect(readAll(utf8(csv), { generic: GENERIC })).rejects.toThrow(/row 1 has "31\/01\/2024" \(day first\) but row 3 has "01\/31\/2024" \(month first\)/);
  });

  it('skips the column pass when the 64 KB sample has only ISO dates; a later slash date names its row', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `customer-${i},2024-01-01,1.00`);
    const { reading } = await readAll(utf8(['customer,date,amount', ...rows, 'late,05/06/2024,1.00', ''].join('\n')), { generic: GENERIC });
    expect(reading.errors).toEqual([{ row: 4001, column: 'date', value: '05/06/2024', message: expect.stringMatching(/^is not a date in the format YYYY-MM-DD or YYYYMMDD/) }]);
  });

  it('names a quote that is never closed rather than a short row (break-it test 3)', async () => {
    const csv = 'customer,date,amount\na,2024-01-01,1\n"b,2024-01-02,10.00\nc,2024-01-03,5\n';
    const { reading } = await readAll(utf8(csv), { generic: GENERIC });
    expect(reading.errors).toEqual([{ row: 2, column: 'customer', value: '', message: expect.stringMatching(/^has a quote \(“"”\) that is never closed/) }]);
    // The same in an export read by name.
    const stripe = 'id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer Email\n"ch_1,2024-01-01 00:00:00,1.00,0,usd,true,Paid,a@example.test\nch_2,2024-01-01 00:00:00,1.00,0,usd,true,Paid,a@example.test\n';
    const byName = await readAll(utf8(stripe));
    expect(byName.reading.errors).toEqual([{ row: 1, column: 'id', value: '', message: expect.stringMatching(/never closed/) }]);
  });

  it('reads Excel serial dates and day boundaries in the workspace zone', async () => {
    // Serial 45292 = 2024-01-01; midnight in Tokyo (UTC+9) is 15:00 UTC the day before.
    const { orders } = await readAll(utf8('customer,date,amount\na,45292,1\n'), { generic: GENERIC, timeZone: 'Asia/Tokyo' });
    expect(orders[0]!.occurredAt.toISOString()).toBe('2023-12-31T15:00:00.000Z');
  });
});

describe('quality report', () => {
  it('counts future dates against asOf, and says what history is missing', async () => {
    const csv = 'customer,date,amount\na,2025-12-30,5\na,2026-02-01,5\nb,2026-03-01,0\n';
    const { report } = await readAll(utf8(csv), { generic: GENERIC });
    expect(report.futureDates).toEqual({ count: 2, exampleRows: [2, 3] });
    expect(report.zeroAmounts).toEqual({ count: 1, exampleRows: [3] });
    // a has 2 orders, b has 1; 2025-12-30 → 2026-03-01 is 61 days.
    expect(report.history).toEqual({
      isEnough: false, customersWithRepeat: 1, spanDays: 61,
      missing: ['50 customers with a repeat purchase (the file has 1)', '90 days of history (the file spans 61)'],
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('keeps at most five example rows per reason', async () => {
    const lines = Array.from({ length: 8 }, (_, i) => `,2024-01-0${i + 1} 00:00:00,1.00,0,usd,true,Live,Paid,,`);
    const csv = `id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Mode,Status,Customer ID,Customer Email\n${lines.join('\n')}\n`;
    const { report } = await readAll(utf8(csv));
    expect(report.excluded['no charge id']).toEqual({ count: 8, exampleRows: [1, 2, 3, 4, 5] });
  });

  it('formats for people', async () => {
    const { report } = await readAll('shopify-orders.csv');
    const text = formatQualityReport(report);
    // 12 orders: 6 used, 6 excluded (voided, cancelled, authorized, a repeated #1002, no e-mail, pending).
    expect(text[0]).toBe('16 rows read (the line items of 12 orders) → 6 orders and 2 refunds used; 6 orders excluded.');
    expect(text).toContain('  Excluded, no customer key: 1 (row 7).');
    // With its header row, the file's line too: data row 7 is line 8, where a spreadsheet shows it.
    expect(formatQualityReport(report, { hasHeader: true })).toContain('  Excluded, no customer key: 1 (row 7; line 8).');
    expect(text).toContain('USD: $1,429.00 in 6 orders, $55.00 refunded, net $1,374.00.');
    expect(text.at(-1)).toBe('This file alone is not enough history for the predictive models: they need 50 customers with a repeat purchase (the file has 2). Orders already in the workspace count too.');
  });
});

import type { ExclusionReason, RowOutcome } from '../canonical';
import { RowCells } from './cells';
import { ALWAYS_HEADER, findColumn, hasColumns, requireColumn, type Preset } from './types';

const COLUMNS = {
  invoice: ['InvoiceNo', 'Invoice'],
  stockCode: ['StockCode'],
  quantity: ['Quantity'],
  date: ['InvoiceDate'],
  price: ['UnitPrice', 'Price'],
  customer: ['CustomerID', 'Customer ID'],
} as const;

/**
 * The non-product StockCodes of the UCI Online Retail data sets, each with its rule. Postage
 * (POST, DOT, C2 carriage), discounts (D) and manual price corrections (M, m) are part of what
 * the customer paid, so they count in the invoice total. Fees the shop paid, adjustments of its
 * books and samples are not the customer's spending, so their rows are excluded.
 */
const EXCLUDED_CODES: Record<string, ExclusionReason> = {
  'BANK CHARGES': 'fee, not a sale',
  AMAZONFEE: 'fee, not a sale',
  CRUK: 'fee, not a sale', // Cancer Research UK commission
  B: 'bad-debt adjustment',
  S: 'samples',
  PADS: 'zero-value item', // priced 0.001 to pair with cushions; not a purchase
};
const PRODUCT_LIKE = new Set(['POST', 'DOT', 'C2', 'D', 'M']);
// Unit prices carry up to three decimals (0.001); four keep every line exact before rounding.
const PRICE_SCALE = 4;

interface OpenInvoice {
  invoice: string;
  row: number;
  customerKey: string;
  occurredAt: Date;
  totalScaled: number; // 1/10,000 GBP
  quantity: number;
}

/**
 * UCI Online Retail I (InvoiceNo, UnitPrice, CustomerID; dates "12/1/2010 8:26", month first) and
 * II (Invoice, Price, Customer ID; "2009-12-01 07:45:00"). One order per invoice: the sum of
 * quantity × unit price over its lines, exact, rounded half away from zero to the penny once per
 * invoice. A `C` invoice is a cancellation: a refund against the customer. An `A` invoice is a
 * bad-debt adjustment. Rows without a customer id, and stock corrections (negative quantity on an
 * ordinary invoice), are excluded. All amounts are GBP.
 */
export const onlineRetailPreset: Preset = {
  name: 'online-retail',
  label: 'UCI Online Retail (I or II)',
  matches: (header) => hasColumns(header, [COLUMNS.invoice, COLUMNS.stockCode, COLUMNS.price, COLUMNS.customer, COLUMNS.date]),
  readsByName: true,
  currencyFrom: 'always GBP (the UCI Online Retail data)',
  hasHeader: ALWAYS_HEADER,
  dateColumns: (header) => [{ index: findColumn(header, COLUMNS.date), presetOrder: 'MM/DD/YYYY' }],
  createMapper(header, options) {
    const col = {
      invoice: requireColumn(header, COLUMNS.invoice, 'Online Retail'),
      stockCode: requireColumn(header, COLUMNS.stockCode, 'Online Retail'),
      quantity: requireColumn(header, COLUMNS.quantity, 'Online Retail'),
      date: requireColumn(header, COLUMNS.date, 'Online Retail'),
      price: requireColumn(header, COLUMNS.price, 'Online Retail'),
      customer: requireColumn(header, COLUMNS.customer, 'Online Retail'),
    };
    const seen = new Set<string>();
    let open: OpenInvoice | null = null;

    const flush = (): RowOutcome[] => {
      if (!open) return [];
      const { invoice, row, customerKey, occurredAt, totalScaled, quantity } = open;
      open = null;
      const minor = Math.sign(totalScaled) * Math.round(Math.abs(totalScaled) / 10 ** (PRICE_SCALE - 2));
      const order = {
        row, customerKey, orderId: invoice, occurredAt, currency: 'GBP', quantity: Math.abs(quantity),
        status: invoice.startsWith('C') ? 'cancelled' : null,
        grossMinor: Math.max(minor, 0), refundedMinor: Math.max(-minor, 0),
      };
      return [{ kind: 'order', order }];
    };

    return {
      push(record, row): RowOutcome[] {
        const cells = new RowCells(header, record, row, options);
        const invoice = cells.text(col.invoice).toUpperCase();
        const code = cells.text(col.stockCode);
        const quantity = cells.quantity(col.quantity);
        const price = scaledPrice(cells, col.price);
        const occurredAt = cells.date(col.date);
        // A new invoice number closes the open invoice (its lines are contiguous in the data sets).
        const closed = open && open.invoice !== invoice ? flush() : [];
        if (quantity === null || price === null || occurredAt === null) return [...closed, ...cells.errorOutcomes()];
        return [...closed, ...addLine(cells, invoice, code, quantity, price, occurredAt)];
      },
      end: flush,
    };

    function addLine(cells: RowCells, invoice: string, code: string, quantity: number, price: number, occurredAt: Date): RowOutcome[] {
      const row = cells.row;
      const excluded = (reason: ExclusionReason, index: number): RowOutcome[] => [
        { kind: 'excluded', row, reason, column: cells.columnName(index), value: cells.text(index) },
      ];
      if (!open && seen.has(invoice)) return excluded('duplicate order', col.invoice);
      if (invoice.startsWith('A')) return excluded('bad-debt adjustment', col.invoice);
      const reason = EXCLUDED_CODES[code.toUpperCase()];
      if (reason) return excluded(reason, col.stockCode);
      // Conversions of the data set to CSV often write ids as floats ("17850.0").
      const customerKey = cells.customerKey(col.customer).replace(/\.0+$/, '');
      if (customerKey === '') return excluded('no customer key', col.customer);
      if (quantity < 0 && !invoice.startsWith('C')) return excluded('stock adjustment', col.quantity);
      if (!open) {
        seen.add(invoice);
        open = { invoice, row, customerKey, occurredAt, totalScaled: 0, quantity: 0 };
      }
      open.totalScaled += quantity * price;
      if (!PRODUCT_LIKE.has(code.toUpperCase())) open.quantity += quantity;
      return [];
    }
  },
};

/** "2.55" → 25500 (1/10,000 GBP), exactly; more than four decimals is an error. */
function scaledPrice(cells: RowCells, index: number): number | null {
  const value = cells.text(index);
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return cells.fail(index, value, 'is not a number');
  if ((m[3] ?? '').length > PRICE_SCALE) return cells.fail(index, value, `has more than ${PRICE_SCALE} decimal places`);
  const scaled = Number(m[2]! + (m[3] ?? '').padEnd(PRICE_SCALE, '0'));
  return m[1] ? -scaled : scaled;
}

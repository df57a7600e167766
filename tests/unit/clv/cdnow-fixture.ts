// Shared loaders for the CDNOW fixtures (tests/fixtures/datasets, conventions in its README.md).
import { readFileSync } from 'node:fs';
import { collectPurchaseHistories, summarizeHistories, type Transaction } from '@/lib/metrics/clv/index';
import { readTransactions } from '@/lib/cli/read-transactions';

export const DATASETS = new URL('../../fixtures/datasets/', import.meta.url).pathname;
export const CDNOW_SAMPLE = `${DATASETS}CDNOW_sample.txt`;

// Read once per test file, up front: the CLI's reader is asynchronous, the models are not.
const CDNOW_TRANSACTIONS: Transaction[] = await readTransactions(CDNOW_SAMPLE, {
  customerColumn: '', dateColumn: '', amountColumn: '', dateFormat: 'auto', timeZone: 'UTC', currency: 'USD', asOf: new Date('2026-01-01T00:00:00Z'),
});

/** CDNOW_sample.txt through the CLI's reader (customer = sample id, column 2). */
export function cdnowTransactions(): Transaction[] {
  return CDNOW_TRANSACTIONS;
}

export function cdnowHistories() {
  return collectPurchaseHistories(cdnowTransactions());
}

/** Calibration summaries at 1997-09-30 in weeks, as columns. */
export function cdnowCalibration() {
  const { customers } = summarizeHistories(cdnowHistories(), { calibrationEnd: '1997-09-30', unit: 'weeks' });
  return {
    customers,
    frequency: customers.map((c) => c.frequency),
    recency: customers.map((c) => c.recency),
    T: customers.map((c) => c.T),
    monetary: customers.map((c) => c.monetaryValue),
  };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** |actual − expected| / |expected|. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

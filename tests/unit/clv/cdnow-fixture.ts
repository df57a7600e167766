// Shared loaders for the CDNOW fixtures (tests/fixtures/datasets, conventions in its README.md).
import { readFileSync } from 'node:fs';
import { collectPurchaseHistories, summarizeHistories, type Transaction } from '@/lib/metrics/clv/index';
import { readTransactions } from '@/lib/cli/read-transactions';

export const DATASETS = new URL('../../fixtures/datasets/', import.meta.url).pathname;
export const CDNOW_SAMPLE = `${DATASETS}CDNOW_sample.txt`;

let cached: Transaction[] | null = null;
/** CDNOW_sample.txt through the CLI's reader (customer = sample id, column 2). */
export function cdnowTransactions(): Transaction[] {
  cached ??= readTransactions(CDNOW_SAMPLE, { customerColumn: '', dateColumn: '', amountColumn: '', dateFormat: 'auto' });
  return cached;
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

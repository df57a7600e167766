import { getDb, type Db } from '../index';
import { selectCustomers, type CustomerFilter } from './customers';

/**
 * The filtered customers in list order, at most `maxRows`, fetched `batchSize` at a time so an
 * export never holds the whole table in memory.
 */
export async function* iterateCustomers(p: CustomerFilter & { maxRows: number; batchSize?: number }, db?: Db) {
  const d = db ?? (await getDb());
  const batchSize = p.batchSize ?? 1000;
  for (let offset = 0; offset < p.maxRows; offset += batchSize) {
    const rows = await selectCustomers(d, p).limit(Math.min(batchSize, p.maxRows - offset)).offset(offset);
    yield* rows;
    if (rows.length < batchSize) return;
  }
}

import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { CustomerSort } from '@/lib/validation/customers';
import { getDb, type Db } from '../index';
import { customerPredictions, customers, orders } from '../schema';

const netClv = sql<number>`(${customers.revenueMinor} - ${customers.refundsMinor})`;
const aov = sql<number>`(CASE WHEN ${customers.orderCount} = 0 THEN 0 ELSE ${customers.revenueMinor}::float8 / ${customers.orderCount} END)`;

const SORT_COLUMNS: Record<CustomerSort, SQL | typeof customers.externalId> = {
  customer: customers.externalId,
  orders: sql`${customers.orderCount}`,
  revenue: sql`${customers.revenueMinor}`,
  net: netClv,
  aov,
  first: sql`${customers.firstOrderAt}`,
  last: sql`${customers.lastOrderAt}`,
  clv: sql`${customerPredictions.predictedClv12mMinor}`,
  alive: sql`${customerPredictions.probabilityAlive}`,
};

// Customers without a prediction (none yet, or no spend model) sort after those with one, either way.
const NULLS_LAST_SORTS: ReadonlySet<CustomerSort> = new Set(['clv', 'alive']);

export interface CustomerFilter {
  workspaceId: string;
  q?: string;
  sort: CustomerSort;
  dir: 'asc' | 'desc';
}

export interface ListCustomersParams extends CustomerFilter {
  page: number;
  pageSize: number;
}

/** The WHERE of a customer list: always the workspace, plus the optional id search. */
function customerWhere(p: CustomerFilter) {
  return and(
    eq(customers.workspaceId, p.workspaceId),
    p.q ? ilike(customers.externalId, `%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
}

/** The ORDER BY of a customer list; the id breaks ties so that pages never overlap. */
function customerOrder(p: CustomerFilter) {
  const order = p.dir === 'asc' ? asc : desc;
  const column = SORT_COLUMNS[p.sort];
  const primary = !NULLS_LAST_SORTS.has(p.sort) ? order(column)
    : p.dir === 'asc' ? sql`${column} ASC NULLS LAST` : sql`${column} DESC NULLS LAST`;
  return [primary, order(customers.id)];
}

/**
 * The filtered, ordered customers with their stored aggregates and prediction; the caller adds
 * LIMIT/OFFSET. The list page and the CSV export share it, so both show the same rows in the same order.
 */
export function selectCustomers(d: Db, p: CustomerFilter) {
  return d
    .select({
      id: customers.id,
      externalId: customers.externalId,
      orderCount: customers.orderCount,
      revenueMinor: customers.revenueMinor,
      refundsMinor: customers.refundsMinor,
      firstOrderAt: customers.firstOrderAt,
      lastOrderAt: customers.lastOrderAt,
      predictedClv12mMinor: customerPredictions.predictedClv12mMinor,
      expectedPurchases12m: customerPredictions.expectedPurchases12m,
      probabilityAlive: customerPredictions.probabilityAlive,
    })
    .from(customers)
    .leftJoin(customerPredictions, and(eq(customerPredictions.workspaceId, customers.workspaceId), eq(customerPredictions.customerId, customers.id)))
    .where(customerWhere(p))
    .orderBy(...customerOrder(p));
}

/** How many customers match the filter. */
export async function countCustomers(p: CustomerFilter, db?: Db): Promise<number> {
  const d = db ?? (await getDb());
  const [row] = await d.select({ n: sql<number>`count(*)::int` }).from(customers).where(customerWhere(p));
  return Number(row?.n ?? 0);
}

/**
 * Each given customer's number within its workspace: 1 for the first customer it imported, counting
 * by internal id. Viewers see it instead of the internal id, which is global and so would reveal how
 * many customers other workspaces hold. It changes only when an import that brought earlier customers
 * is deleted.
 */
export async function listCustomerNumbers(workspaceId: string, customerIds: number[], db?: Db): Promise<Map<number, number>> {
  if (customerIds.length === 0) return new Map();
  const d = db ?? (await getDb());
  const numbered = d
    .select({ id: customers.id, n: sql<number>`row_number() OVER (ORDER BY ${customers.id})`.as('n') })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .as('numbered');
  const rows = await d.select({ id: numbered.id, n: numbered.n }).from(numbered).where(inArray(numbered.id, customerIds));
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
}

/** One page of the workspace's customers with their stored aggregates and prediction, plus the matching total. */
export async function listCustomers(p: ListCustomersParams, db?: Db) {
  const d = db ?? (await getDb());
  const [rows, total] = await Promise.all([
    selectCustomers(d, p).limit(p.pageSize).offset((p.page - 1) * p.pageSize),
    countCustomers(p, d),
  ]);
  return { rows, total };
}

/** One customer of the workspace, or null: an id from another workspace finds nothing. */
export async function getCustomer(workspaceId: string, customerId: number, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  return row ?? null;
}

/**
 * The customer's orders and refunds, newest first (at most `limit`): the amount in the reporting
 * currency, and as the file gave it in the order's own `currency`.
 */
export async function listCustomerOrders(workspaceId: string, customerId: number, limit = 500, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({
      id: orders.id,
      occurredAt: orders.occurredAt,
      amountMinor: orders.amountMinor,
      originalAmountMinor: orders.originalAmountMinor,
      currency: orders.currency,
      quantity: orders.quantity,
      externalOrderId: orders.externalOrderId,
    })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.customerId, customerId)))
    .orderBy(desc(orders.occurredAt), desc(orders.id))
    .limit(limit);
}

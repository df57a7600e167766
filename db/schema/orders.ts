import { bigint, char, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { workspaces } from './workspaces';

export const customers = pgTable(
  'customers',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** The customer key in the uploaded files (customer id or e-mail). */
    externalId: text('external_id').notNull(),
    // Aggregates over this customer's orders, refreshed in SQL after every import so that list
    // pages sort and page without grouping the orders table on each request.
    orderCount: integer('order_count').notNull().default(0),
    revenueMinor: bigint('revenue_minor', { mode: 'number' }).notNull().default(0),
    refundsMinor: bigint('refunds_minor', { mode: 'number' }).notNull().default(0),
    firstOrderAt: timestamp('first_order_at', { withTimezone: true, mode: 'date' }),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('customers_workspace_external_id_key').on(t.workspaceId, t.externalId),
  ],
);

export const orders = pgTable(
  'orders',
  {
    // No foreign keys at all: PostgreSQL checks a key row by row, and on a million-row import the
    // key to customers alone cost ~3.4 s of the insert (the one to imports ~7 s of an earlier
    // one). Only the import merge writes orders, with customer ids it has just joined from
    // customers; deleteImport and deleteWorkspace, which remove customers, delete their orders
    // first in the same transaction (tests/db/import-jobs.test.ts proves nothing is left behind).
    workspaceId: uuid('workspace_id').notNull(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    /** The import that wrote the order (deleteImport deletes its orders with it). */
    importId: uuid('import_id').notNull(),
    /**
     * Idempotency key: the md5, as a uuid, of the order id (or a fingerprint of the row when the
     * file has none) plus the row's occurrence number among identical keys in its file, so a
     * re-upload adds nothing while genuinely repeated identical rows in one file stay separate
     * purchases (db/queries/merge-staging.ts). 16 bytes compared as bytes: its unique index costs
     * ~1.2 s less per million inserted orders than the ~38-character text key it replaced
     * (migration 0010 hashed the stored keys the same way).
     */
    externalKey: uuid('external_key').notNull(),
    externalOrderId: text('external_order_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /**
     * Signed minor units of the workspace's reporting currency, the amount every metric sums: a
     * sale is ≥ 0, a refund < 0. An order in another currency is converted at the rate of the import that wrote it.
     */
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    /**
     * The amount as the file gave it: signed minor units of `currency`. Migration 0004 filled it
     * from amount_minor (every earlier order was in the reporting currency); 0005 made it a plain column.
     */
    originalAmountMinor: bigint('original_amount_minor', { mode: 'number' }).notNull(),
    /** ISO 4217 currency of the order itself, that is of `original_amount_minor`. */
    currency: char('currency', { length: 3 }).notNull(),
    quantity: integer('quantity'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('orders_workspace_external_key_key').on(t.workspaceId, t.externalKey),
    index('orders_workspace_customer_idx').on(t.workspaceId, t.customerId, t.occurredAt),
    // No index on (workspace_id, occurred_at): every metric groups all of a workspace's orders by
    // period, none asks for a date range, and it cost ~0.9 s of a million-row import.
  ],
);

import {
  bigint,
  char,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Auth.js tables: the @auth/drizzle-adapter shape (text ids), plus our password hash.
// ---------------------------------------------------------------------------------------------

export const users = pgTable('users', {
  id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: timestamp('email_verified', { withTimezone: true, mode: 'date' }),
  image: text('image'),
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable('sessions', {
  sessionToken: text('session_token').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------------------------------------
// Tenancy. Every tenant table leads its keys with workspace_id so it can be distributed by
// workspace (Citus) with all of one workspace's rows co-located.
// ---------------------------------------------------------------------------------------------

export const roleEnum = pgEnum('role', ['owner', 'admin', 'analyst', 'viewer']);

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** ISO 4217 reporting currency. */
  currency: char('currency', { length: 3 }).notNull().default('USD'),
  /** IANA zone that decides calendar days, months and quarters for this workspace. */
  timeZone: text('time_zone').notNull().default('UTC'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_id_idx').on(t.userId)],
);

export const importStatusEnum = pgEnum('import_status', ['completed']);

export const imports = pgTable(
  'imports',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    status: importStatusEnum('status').notNull(),
    rowsRead: integer('rows_read').notNull(),
    ordersAdded: integer('orders_added').notNull(),
    refundsAdded: integer('refunds_added').notNull(),
    /** Sale and refund lines of the file that were already stored (one per row for a generic CSV). */
    rowsAlreadyImported: integer('rows_already_imported').notNull(),
    customersInFile: integer('customers_in_file').notNull(),
    customersAdded: integer('customers_added').notNull(),
    /** Net value of the rows in the file, minor units of `currency`. */
    netTotalMinor: bigint('net_total_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** Column mapping and parse options used, so an import can be explained later. */
    options: jsonb('options').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

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
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    importId: uuid('import_id').notNull(),
    /**
     * Idempotency key: the order id (or a fingerprint of the row when the file has none) plus the
     * row's occurrence number among identical keys in its file, so a re-upload adds nothing while
     * genuinely repeated identical rows in one file stay separate purchases.
     */
    externalKey: text('external_key').notNull(),
    externalOrderId: text('external_order_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Signed minor units: a sale is ≥ 0, a refund < 0. */
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    quantity: integer('quantity'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('orders_workspace_external_key_key').on(t.workspaceId, t.externalKey),
    index('orders_workspace_customer_idx').on(t.workspaceId, t.customerId, t.occurredAt),
    index('orders_workspace_occurred_idx').on(t.workspaceId, t.occurredAt),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
      name: 'orders_customer_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.importId],
      foreignColumns: [imports.workspaceId, imports.id],
      name: 'orders_import_fk',
    }).onDelete('cascade'),
  ],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Import = typeof imports.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type Order = typeof orders.$inferSelect;

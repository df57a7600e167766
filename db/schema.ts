import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { CurrencyTotal } from '@/lib/imports/currency-totals';
import type { BacktestOutcome, ModelParams } from '@/lib/predictions/types';

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
  /** Bumped when the password changes; a session token carrying an older value is signed out. */
  sessionVersion: integer('session_version').notNull().default(0),
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

export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    /** ISO 4217 reporting currency. */
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    /** IANA zone that decides calendar days, months and quarters for this workspace. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Share of revenue kept as gross profit, 0–1; predicted CLV is margin × spend (1 = revenue). */
    grossMargin: numeric('gross_margin', { precision: 5, scale: 4, mode: 'number' }).notNull().default(1),
    /** Discount rate per month applied to future purchases in predicted CLV. */
    monthlyDiscountRate: numeric('monthly_discount_rate', { precision: 5, scale: 4, mode: 'number' }).notNull().default(0.01),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('workspaces_gross_margin_check', sql`${t.grossMargin} > 0 AND ${t.grossMargin} <= 1`),
    check('workspaces_monthly_discount_rate_check', sql`${t.monthlyDiscountRate} >= 0 AND ${t.monthlyDiscountRate} < 1`),
  ],
);

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

/**
 * An upload's life: queued → checking (read and staged, the dry run) → checked (waiting for the
 * user to commit) → importing → completed; or rejected (a bad row: nothing written), failed (an
 * unexpected error: nothing written) or cancelled.
 */
export const IMPORT_STATUSES = ['queued', 'checking', 'checked', 'importing', 'completed', 'rejected', 'failed', 'cancelled'] as const;
export const importStatusEnum = pgEnum('import_status', IMPORT_STATUSES);

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
    /** Net value of the rows in the file, minor units of `currency`, each row converted at `rates`. */
    netTotalMinor: bigint('net_total_minor', { mode: 'number' }).notNull(),
    /** The workspace's reporting currency (the currency of the file's amounts is in `options`). */
    currency: char('currency', { length: 3 }).notNull(),
    /** Column mapping and parse options used, so an import can be explained later. */
    options: jsonb('options').notNull(),
    /**
     * The rates the user gave at review, one per currency of the file other than `currency`:
     * { "EUR": "1.085" } means 1 EUR = 1.085 `currency`. Decimal strings, so no float ever
     * touches a rate; null when the file needed none or none has been given yet.
     */
    rates: jsonb('rates').$type<Record<string, string>>(),
    /** The file's net total per currency, as the file gave it and converted; set by the commit. */
    currencyTotals: jsonb('currency_totals').$type<CurrencyTotal[]>(),
    /** Size of the uploaded file and how far the background job has read it (the progress bar). */
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    /** The data-quality report of the dry run, kept with the import. */
    report: jsonb('report'),
    /** Why it was rejected or failed, in words for the user. */
    message: text('message'),
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * Validated rows of an upload between its dry run and its commit. Nothing reads them but the
 * commit, which merges them into customers and orders in one transaction and deletes them; a
 * cancelled or failed import deletes them too, so the workspace's data never sees them.
 */
export const importRows = pgTable(
  'import_rows',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    lineNo: integer('line_no').notNull(),
    customerKey: text('customer_key').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Minor units of `currency`, as the file gave them: the merge converts them at the import's rates. */
    grossMinor: bigint('gross_minor', { mode: 'number' }).notNull(),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull(),
    orderId: text('order_id'),
    quantity: integer('quantity'),
    currency: char('currency', { length: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.importId, t.lineNo] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [imports.workspaceId, imports.id], name: 'import_rows_import_fk' }).onDelete('cascade'),
  ],
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
    // No key to workspaces: orders_customer_fk (workspace_id, customer_id) already proves the
    // workspace exists, and deleting a workspace deletes its customers and so their orders.
    workspaceId: uuid('workspace_id').notNull(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    /**
     * The import that wrote the order. No foreign key to imports: a key is checked row by row, and
     * on a million-row import this check alone took ~7 s of a ~16 s insert. deleteImport, the only
     * code that deletes an import, deletes its orders first in the same transaction; a workspace's
     * imports and orders go together when the workspace is deleted (through customers).
     */
    importId: uuid('import_id').notNull(),
    /**
     * Idempotency key: the order id (or a fingerprint of the row when the file has none) plus the
     * row's occurrence number among identical keys in its file, so a re-upload adds nothing while
     * genuinely repeated identical rows in one file stay separate purchases.
     */
    externalKey: text('external_key').notNull(),
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
    index('orders_workspace_occurred_idx').on(t.workspaceId, t.occurredAt),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
      name: 'orders_customer_fk',
    }).onDelete('cascade'),
  ],
);

// ---------------------------------------------------------------------------------------------
// Predictions. A model run is a row from the moment it is queued, so the pages can say what is
// happening; customer_predictions holds only the predictions of the latest completed run.
// ---------------------------------------------------------------------------------------------

/** True for NULL and finite numbers, false for NaN and ±Infinity (Postgres treats NaN = NaN as true). */
const isFinite = (column: AnyPgColumn) =>
  sql`(${column} IS NULL OR ${column} NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))`;

export const modelRunStatusEnum = pgEnum('model_run_status', ['queued', 'running', 'completed', 'failed']);
export const churnModelEnum = pgEnum('churn_model', ['bgnbd', 'mbgnbd', 'pnbd']);
export const timeUnitEnum = pgEnum('time_unit', ['days', 'weeks']);

export const modelRuns = pgTable(
  'model_runs',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    status: modelRunStatusEnum('status').notNull().default('queued'),
    model: churnModelEnum('model').notNull(),
    /** Unit of t_x, T and of the time parameters (alpha, beta) in `params`. */
    unit: timeUnitEnum('unit').notNull(),
    /** Last calibration day in the workspace time zone: set when queued to override, else the last order day. */
    calibrationEnd: date('calibration_end', { mode: 'string' }),
    params: jsonb('params').$type<ModelParams>(),
    /** Gamma-Gamma p, q, gamma (gamma in minor units of the workspace currency). */
    spendParams: jsonb('spend_params').$type<ModelParams>(),
    logLikelihood: doublePrecision('log_likelihood'),
    converged: boolean('converged'),
    fitSeconds: doublePrecision('fit_seconds'),
    customersFitted: integer('customers_fitted'),
    backtest: jsonb('backtest').$type<BacktestOutcome>(),
    /** Why the run failed, or what it could not compute (a spend model), in words for the user. */
    message: text('message'),
    grossMargin: doublePrecision('gross_margin'),
    monthlyDiscountRate: doublePrecision('monthly_discount_rate'),
    /**
     * The import whose completion queued the run. No foreign key: the run's record outlives the
     * import, and a composite key cannot be set null without also nulling workspace_id.
     */
    triggeredByImportId: uuid('triggered_by_import_id'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('model_runs_workspace_created_idx').on(t.workspaceId, t.createdAt),
    check('model_runs_finite_check', sql`${isFinite(t.logLikelihood)} AND ${isFinite(t.fitSeconds)}`),
  ],
);

export const customerPredictions = pgTable(
  'customer_predictions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    modelRunId: uuid('model_run_id').notNull(),
    /** Expected repeat purchases in the 12 months after the calibration end. */
    expectedPurchases12m: doublePrecision('expected_purchases_12m').notNull(),
    probabilityAlive: doublePrecision('probability_alive').notNull(),
    /** Gamma-Gamma expected net value per purchase, minor units; null without a spend model. */
    expectedSpendMinor: bigint('expected_spend_minor', { mode: 'number' }),
    /** Discounted gross-margin CLV over 12 months, minor units; null without a spend model. */
    predictedClv12mMinor: bigint('predicted_clv_12m_minor', { mode: 'number' }),
    /** Silent for longer than the customer's median gap between purchases. */
    overdue: boolean('overdue').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId] }),
    // NaN sorts above every number in Postgres, so BETWEEN 0 AND 1 also refuses it.
    check('customer_predictions_range_check', sql`${t.probabilityAlive} BETWEEN 0 AND 1
      AND ${t.expectedPurchases12m} >= 0 AND ${isFinite(t.expectedPurchases12m)}`),
    index('customer_predictions_workspace_clv_idx').on(t.workspaceId, t.predictedClv12mMinor),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
      name: 'customer_predictions_customer_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.modelRunId],
      foreignColumns: [modelRuns.workspaceId, modelRuns.id],
      name: 'customer_predictions_model_run_fk',
    }).onDelete('cascade'),
  ],
);

// ---------------------------------------------------------------------------------------------
// Teammates: invitations, the audit trail, and sign-in throttling.
// ---------------------------------------------------------------------------------------------

export const invitations = pgTable(
  'invitations',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    /** SHA-256 (hex) of the link's token: a database leak does not leak working links. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique('invitations_token_hash_key').on(t.tokenHash)],
);

export const auditActionEnum = pgEnum('audit_action', [
  'sign_in',
  'import',
  'export',
  'member_role_changed',
  'member_removed',
  'member_left',
  'invitation_sent',
  'invitation_resent',
  'invitation_revoked',
  'invitation_accepted',
  'import_cancelled',
  'import_deleted',
  'ownership_transferred',
]);

export const auditEvents = pgTable(
  'audit_events',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Copied at the time of the event so the trail still names a user who was later deleted. */
    actorEmail: text('actor_email').notNull(),
    action: auditActionEnum('action').notNull(),
    /** What the event touched: the list and filter of an export, its row count, a role, an e-mail. */
    detail: jsonb('detail').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('audit_events_workspace_created_idx').on(t.workspaceId, t.createdAt),
  ],
);

/** Failed password sign-ins, keyed `email:<address>` or `ip:<address>`; kept in Postgres so every process shares them. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_failed_idx').on(t.key, t.failedAt)],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Import = typeof imports.$inferSelect;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type Customer = typeof customers.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type ModelRun = typeof modelRuns.$inferSelect;
export type ModelRunStatus = (typeof modelRunStatusEnum.enumValues)[number];
export type ChurnModel = (typeof churnModelEnum.enumValues)[number];
export type CustomerPrediction = typeof customerPredictions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type AuditAction = (typeof auditActionEnum.enumValues)[number];

import { bigint, char, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CurrencyTotal } from '@/lib/imports/currency-totals';
import { createdAt } from './columns';
import { users } from './auth';
import { workspaces } from './workspaces';

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
  // No foreign key to imports: COPY would check it row by row (~3.5 s of ~7.5 s staging a million
  // rows). Every way an import ends deletes its staged rows (commit, reject, cancel, fail), and so
  // do deleteImport and deleteWorkspace.
  (t) => [primaryKey({ columns: [t.workspaceId, t.importId, t.lineNo] })],
);


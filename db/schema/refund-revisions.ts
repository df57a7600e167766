import { bigint, char, foreignKey, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { imports } from './imports';
import { orders } from './orders';

/**
 * What a refund line held before a later import changed it (a later export that refunds more of an
 * old order). Deleting that later import puts the line back as it was — or, when a still later
 * import changed the line again, hands the earlier value on to that import's revision — so
 * deleting an import removes exactly its own effect. Rows are few: only changed refund lines.
 */
export const refundRevisions = pgTable(
  'refund_revisions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    /** Increasing: a larger id is a later revision of the same line. */
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    orderId: bigint('order_id', { mode: 'number' }).notNull(),
    /** The import that changed the line. */
    importId: uuid('import_id').notNull(),
    previousAmountMinor: bigint('previous_amount_minor', { mode: 'number' }).notNull(),
    previousOriginalAmountMinor: bigint('previous_original_amount_minor', { mode: 'number' }).notNull(),
    previousCurrency: char('previous_currency', { length: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('refund_revisions_workspace_order_idx').on(t.workspaceId, t.orderId, t.id),
    index('refund_revisions_workspace_import_idx').on(t.workspaceId, t.importId),
    foreignKey({ columns: [t.workspaceId, t.orderId], foreignColumns: [orders.workspaceId, orders.id], name: 'refund_revisions_order_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [imports.workspaceId, imports.id], name: 'refund_revisions_import_fk' }).onDelete('cascade'),
  ],
);

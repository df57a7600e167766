import { sql } from 'drizzle-orm';
import { char, check, index, numeric, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { users } from './auth';

// Tenancy. Every tenant table leads its keys with workspace_id so it can be distributed by
// workspace (Citus) with all of one workspace's rows co-located.

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


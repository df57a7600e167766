import { bigint, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { users } from './auth';
import { roleEnum, workspaces } from './workspaces';

// Teammates: invitations and the audit trail.

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

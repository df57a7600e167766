// The database schema, one file per area; drizzle-kit reads this folder (drizzle.config.ts) and the
// app imports everything from '@/db/schema'.
import type { auditActionEnum, auditEvents, invitations } from './team';
import type { churnModelEnum, customerPredictions, modelRunStatusEnum, modelRuns } from './predictions';
import type { customers, orders } from './orders';
import type { IMPORT_STATUSES, imports } from './imports';
import type { memberships, roleEnum, workspaces } from './workspaces';
import type { users } from './auth';

export * from './auth';
export * from './workspaces';
export * from './imports';
export * from './orders';
export * from './refund-revisions';
export * from './predictions';
export * from './team';

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

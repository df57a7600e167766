import type { AuditAction } from '@/db/schema';
import { describeDeletedImport, type ImportRemoval } from '@/lib/imports/describe-removal';

type Detail = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));

function describeFilter(filter: unknown): string {
  if (!filter || typeof filter !== 'object') return 'all';
  const f = filter as Detail;
  return `${f.q ? `search "${str(f.q)}", ` : ''}sorted by ${str(f.sort)} ${str(f.dir)}`;
}

function describeImport(d: Detail): string {
  return d.fileName ? str(d.fileName) : `Import ${str(d.importId).slice(0, 8)}`;
}

const DESCRIBE: Record<AuditAction, (d: Detail) => string> = {
  sign_in: () => 'Signed in',
  import: (d) => `${describeImport(d)}: ${str(d.step)}${d.fileBytes ? ` (${Math.ceil(Number(d.fileBytes) / 1024)} KB)` : ''}`,
  import_cancelled: (d) => `${describeImport(d)}: cancelled`,
  import_deleted: (d) => describeDeletedImport(describeImport(d), d as ImportRemoval),
  export: (d) => `${str(d.list)} (${describeFilter(d.filter)}): ${str(d.rows)} rows${d.truncated ? ' (capped)' : ''}`,
  member_role_changed: (d) => `${str(d.email ?? d.userId)}: ${str(d.from)} → ${str(d.to)}`,
  member_removed: (d) => `${str(d.email ?? d.userId)} (${str(d.role)})`,
  member_left: (d) => `Left as ${str(d.role)}`,
  invitation_sent: (d) => `${str(d.email)} as ${str(d.role)}`,
  invitation_resent: (d) => `${str(d.email)} as ${str(d.role)}`,
  invitation_revoked: (d) => `${str(d.email)} as ${str(d.role)}`,
  invitation_accepted: (d) => `${str(d.email)} joined as ${str(d.role)}`,
  ownership_transferred: (d) => `${str(d.email ?? d.userId)}: ${str(d.from)} → owner; the previous owner is now admin`,
};

/** One line for the audit page, from the event's stored detail. */
export function describeAuditEvent(event: { action: AuditAction; detail: unknown }): string {
  const detail = event.detail && typeof event.detail === 'object' ? (event.detail as Detail) : {};
  return DESCRIBE[event.action](detail);
}

import type { Role } from '@/db/schema';

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2, owner: 3 };

/** True when `role` is `minimum` or above it in owner > admin > analyst > viewer. */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Nobody grants a role above their own. */
export function canAssignRole(actor: Role, target: Role): boolean {
  return hasRole(actor, target);
}

/** The roles `actor` may grant — and so the invitations they may re-send or revoke. */
export function assignableRoles(actor: Role): Role[] {
  return (Object.keys(RANK) as Role[]).filter((role) => canAssignRole(actor, role));
}

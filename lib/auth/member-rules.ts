import type { Role } from '@/db/schema';
import { canAssignRole, hasRole } from './roles';

/** Why a membership change is refused, or null when it is allowed. Pure, so every rule is unit-tested. */
export type Refusal = string | null;

interface Change {
  actor: Role;
  target: Role;
  /** Owners in the workspace right now, counted under a row lock. */
  owners: number;
}

const LAST_OWNER = 'The workspace needs at least one owner: make someone else owner first.';

/** Changing `target`'s role to `next`: never above the actor's own role, never the last owner away. */
export function refuseRoleChange({ actor, target, owners }: Change, next: Role): Refusal {
  if (!hasRole(actor, target)) return "You can't change the role of someone above you.";
  if (!canAssignRole(actor, next)) return "You can't grant a role above your own.";
  if (target === 'owner' && next !== 'owner' && owners <= 1) return LAST_OWNER;
  return null;
}

/** Removing a member (or leaving, when the actor removes themselves). */
export function refuseRemoval({ actor, target, owners }: Change, isSelf: boolean): Refusal {
  if (!isSelf && !hasRole(actor, target)) return "You can't remove someone above you.";
  if (target === 'owner' && owners <= 1) return LAST_OWNER;
  return null;
}

interface Transfer {
  /** The actor's role now, read under the row lock: a concurrent change may have demoted them. */
  actor: Role;
  target: Role;
  isSelf: boolean;
}

/** Handing ownership to `target`, who becomes owner while the actor becomes admin. */
export function refuseTransfer({ actor, target, isSelf }: Transfer): Refusal {
  if (isSelf) return "You can't transfer ownership to yourself: choose another member.";
  if (actor !== 'owner') return 'Only an owner can transfer ownership, and you are no longer one.';
  if (target === 'owner') return 'That member is already an owner.';
  return null;
}

import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';

/**
 * Customer ids in uploaded files are often e-mail addresses, i.e. personal data. Viewers see
 * metrics only: a number within the workspace stands in for the id, and they cannot search,
 * sort by or open a customer (each would reveal the id indirectly).
 */
export function canSeeCustomerDetails(role: Role): boolean {
  return hasRole(role, 'analyst');
}

/** Exports carry the customer ids, so they need the same role as the details. */
export function canExportCustomers(role: Role): boolean {
  return hasRole(role, 'analyst');
}

/**
 * What a member with `role` may see as the customer's name in a list: the id from the file, or for a
 * viewer the customer's number within the workspace (listCustomerNumbers), never the internal id,
 * which counts across all workspaces.
 */
export function customerLabel(role: Role, customer: { externalId: string }, workspaceNumber: number | undefined): string {
  if (canSeeCustomerDetails(role)) return customer.externalId;
  // A label, not a quantity: no thousands separator ("Customer 1275").
  return workspaceNumber === undefined ? 'Customer' : `Customer ${workspaceNumber}`;
}

import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';

/**
 * Customer ids in uploaded files are often e-mail addresses, i.e. personal data. Viewers see
 * metrics only: the customer's internal number stands in for the id, and they cannot search,
 * sort by or open a customer (each would reveal the id indirectly).
 */
export function canSeeCustomerDetails(role: Role): boolean {
  return hasRole(role, 'analyst');
}

/** Exports carry the customer ids, so they need the same role as the details. */
export function canExportCustomers(role: Role): boolean {
  return hasRole(role, 'analyst');
}

/** What a member with `role` may see as the customer's name in a list. */
export function customerLabel(role: Role, customer: { id: number; externalId: string }): string {
  return canSeeCustomerDetails(role) ? customer.externalId : `Customer #${customer.id}`;
}

import { z } from 'zod';
import { isCurrencyCode } from '@/lib/money';
import { isTimeZone } from '@/lib/csv/values';

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(2, 'Use at least 2 characters').max(80, 'Use at most 80 characters'),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'Not an ISO 4217 currency code').default('USD'),
  timeZone: z.string().trim().refine(isTimeZone, 'Not a known time zone (e.g. Europe/Berlin)').default('UTC'),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

/** Deleting asks for the workspace's name to be typed, so a stray click cannot do it. */
export const deleteWorkspaceSchema = z.object({ confirmName: z.string().trim().min(1, "Type the workspace's name") });
export type DeleteWorkspaceInput = z.infer<typeof deleteWorkspaceSchema>;

import { z } from 'zod';
import { isCurrencyCode } from '@/lib/money';
import { isTimeZone } from '@/lib/csv/values';

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(2, 'Use at least 2 characters').max(80, 'Use at most 80 characters').refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'Use letters, digits and punctuation only'),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'Not an ISO 4217 currency code').default('USD'),
  timeZone: z.string().trim().refine(isTimeZone, 'Not a known time zone (e.g. Europe/Berlin)').default('UTC'),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

const percent = (min: number, max: number, label: string) =>
  z.coerce.number({ error: `Enter ${label} as a number` }).min(min, `Use at least ${min} %`).max(max, `Use at most ${max} %`);

/**
 * The settings an admin may change. Margin and discount are percentages in the form and fractions
 * in the database (60 % → 0.6); they feed the predicted CLV. The reporting currency is fixed once
 * orders exist, so it is not here.
 */
export const updateWorkspaceSettingsSchema = z.object({
  name: createWorkspaceSchema.shape.name,
  timeZone: z.string().trim().refine(isTimeZone, 'Not a known time zone (e.g. Europe/Berlin)'),
  grossMarginPercent: percent(1, 100, 'the gross margin'),
  monthlyDiscountPercent: percent(0, 20, 'the monthly discount rate'),
});
export type UpdateWorkspaceSettingsInput = z.infer<typeof updateWorkspaceSettingsSchema>;

/** Deleting asks for the workspace's name to be typed, so a stray click cannot do it. */
export const deleteWorkspaceSchema = z.object({ confirmName: z.string().trim().min(1, "Type the workspace's name") });
export type DeleteWorkspaceInput = z.infer<typeof deleteWorkspaceSchema>;

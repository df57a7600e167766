import { z } from 'zod';
import { roleEnum } from '@/db/schema';

const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address'));
const role = z.enum(roleEnum.enumValues, 'Choose a role');

export const inviteMemberSchema = z.object({ email, role });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const changeMemberRoleSchema = z.object({ userId: z.string().min(1).max(100), role });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ userId: z.string().min(1).max(100) });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid() });
export type InvitationIdInput = z.infer<typeof invitationIdSchema>;

/** Handing the workspace over asks for its name to be typed: the actor cannot undo it themselves. */
export const transferOwnershipSchema = z.object({
  userId: z.string().min(1, 'Choose the new owner').max(100),
  confirmName: z.string().trim().min(1, "Type the workspace's name"),
});
export type TransferOwnershipInput = z.infer<typeof transferOwnershipSchema>;

/** The members page's query: `transferred=1` after the signed-in owner handed the workspace over. */
export const membersParamsSchema = z.object({ transferred: z.literal('1').optional().catch(undefined) });

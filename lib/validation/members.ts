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

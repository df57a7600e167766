'use server';

import { redirect } from 'next/navigation';
import { acceptInvitation } from '@/db/queries/invitations';
import { fail, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guards';
import { hashInvitationToken, INVALID_INVITATION_MESSAGE } from '@/lib/invitations/token';

/** Joins the workspace the invitation is for. Minimum: a signed-in user whose e-mail the invitation names. */
export async function acceptInvitationAction(token: string, _prev: ActionState, _formData: FormData): Promise<ActionState> {
  const user = await requireUser(`/invite/${encodeURIComponent(token)}`);
  // The user comes from the session; the token only says which invitation.
  const slug = await acceptInvitation({ tokenHash: hashInvitationToken(token), user });
  if (!slug) return fail(INVALID_INVITATION_MESSAGE);
  redirect(`/w/${slug}`);
}

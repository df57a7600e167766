import Link from 'next/link';
import { getPendingInvitation } from '@/db/queries/invitations';
import { getCurrentUser } from '@/lib/auth/guards';
import { hashInvitationToken, INVALID_INVITATION_MESSAGE } from '@/lib/invitations/token';
import { SignOutButton } from '@/app/_components/sign-out-button';
import { AcceptForm } from './accept-form';
import { acceptInvitationAction } from './actions';

export const metadata = { title: 'Invitation · Worthwise', referrer: 'no-referrer' };

/** The invitation link's landing page. Public: the token is the only key, and it is checked here and again on accept. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getPendingInvitation(hashInvitationToken(token));
  if (!invitation) return <p role="alert" data-testid="invitation-invalid">{INVALID_INVITATION_MESSAGE}</p>;

  const user = await getCurrentUser();
  const back = `?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Join {invitation.workspaceName}</h1>
      <p className="text-sm text-slate-600">You are invited as <strong>{invitation.role}</strong>, at {invitation.email}.</p>
      {!user && (
        <p className="text-sm">
          <Link className="text-indigo-700 underline" href={`/sign-up${back}`}>Create an account</Link> with that address, or{' '}
          <Link className="text-indigo-700 underline" href={`/sign-in${back}`}>sign in</Link>; you will come back here.
        </p>
      )}
      {user && user.email !== invitation.email && (
        <div className="space-y-2 text-sm">
          <p role="alert">You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept.</p>
          <SignOutButton />
        </div>
      )}
      {user && user.email === invitation.email && <AcceptForm action={acceptInvitationAction.bind(null, token)} />}
    </div>
  );
}

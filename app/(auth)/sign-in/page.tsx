import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/validation/auth';
import { CredentialsForm } from '../credentials-form';
import { OAuthButtons } from '../oauth-buttons';

export const metadata = { title: 'Sign in · Worthwise' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <CredentialsForm mode="sign-in" callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
      <OAuthButtons callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
    </>
  );
}

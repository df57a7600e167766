import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/validation/auth';
import { CredentialsForm } from '../credentials-form';
import { OAuthButtons } from '../oauth-buttons';

export const metadata = { title: 'Sign up · Worthwise' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Create your account</h1>
      <CredentialsForm mode="sign-up" callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
      <OAuthButtons callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
    </>
  );
}

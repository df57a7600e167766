import { requireUser } from '@/lib/auth/guards';
import { ChangePasswordForm } from './change-password-form';

export const metadata = { title: 'Account · Worthwise' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireUser('/account');
  const { changed } = await searchParams;
  return (
    <div className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <h1 className="text-xl font-semibold">Your account</h1>
      <p className="text-sm text-slate-600">Signed in as {user.email}.</p>
      {changed === '1' && <p role="status" className="text-sm text-emerald-800">Password changed. Your other sessions have been signed out.</p>}
      <h2 className="text-lg font-semibold">Change password</h2>
      <ChangePasswordForm />
    </div>
  );
}

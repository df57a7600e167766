import Link from 'next/link';
import { requireUser } from '@/lib/auth/guards';
import { SignOutButton } from '@/app/_components/sign-out-button';

/** Signed-in chrome. Pages below still check the session and membership themselves. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        {/* Wraps rather than overlaps on a phone: a long e-mail moves under the logo. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/w?all=1" className="text-lg font-bold text-indigo-700">Worthwise</Link>
          <div className="flex min-w-0 items-center gap-3 text-sm text-slate-600">
            <Link href="/account" data-testid="current-user" className="min-w-0 break-all hover:text-slate-900">{user.email}</Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      {children}
    </div>
  );
}

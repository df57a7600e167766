import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/guards';

export default async function HomePage() {
  if (await getCurrentUser()) redirect('/w');
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-6">
      <h1 className="text-4xl font-bold text-indigo-700">Worthwise</h1>
      <p className="mt-4 text-lg text-slate-700">
        Upload your order history and see what each customer is worth: historic value net of refunds,
        average order value, purchase frequency and how they change over time.
      </p>
      <div className="mt-8 flex gap-3">
        <Link href="/sign-up" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">Create an account</Link>
        <Link href="/sign-in" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">Sign in</Link>
      </div>
    </main>
  );
}

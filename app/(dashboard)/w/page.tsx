import Link from 'next/link';
import { redirect } from 'next/navigation';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { requireUser } from '@/lib/auth/guards';
import { CreateWorkspaceForm } from './create-workspace-form';

export const metadata = { title: 'Workspaces · Worthwise' };

export default async function WorkspacesPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const user = await requireUser('/w');
  const workspaces = await listWorkspacesForUser(user.id);
  // Straight to the only workspace after sign-in; ?all=1 shows the list (to create another).
  if (workspaces.length === 1 && !(await searchParams).all) redirect(`/w/${workspaces[0]!.slug}`);
  return (
    <main className="mx-auto grid max-w-4xl gap-8 px-4 py-8 md:grid-cols-2">
      <section>
        <h1 className="mb-4 text-xl font-semibold">Your workspaces</h1>
        {workspaces.length === 0 ? (
          <p className="text-slate-600">You have no workspace yet. Create one to upload your order history.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {workspaces.map((w) => (
              <li key={w.id}>
                <Link href={`/w/${w.slug}`} className="flex justify-between px-4 py-3 hover:bg-slate-50">
                  <span className="font-medium">{w.name}</span>
                  <span className="text-sm text-slate-500">{w.role}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">New workspace</h2>
        <CreateWorkspaceForm />
      </section>
    </main>
  );
}

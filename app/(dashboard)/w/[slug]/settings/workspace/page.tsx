import { requireMembership } from '@/lib/auth/guards';
import { DeleteWorkspaceForm } from './delete-workspace-form';

export const metadata = { title: 'Workspace settings · Worthwise' };

/** Owner-only for now: the one workspace setting is deleting it. */
export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMembership(slug, 'owner');
  return (
    <section className="space-y-3 rounded-lg border border-red-200 bg-white p-4">
      <h2 className="text-lg font-semibold">Delete workspace</h2>
      <p className="text-sm text-slate-600">Deletes {workspace.name} with all its customers, orders, imports, predictions, members and audit trail. This cannot be undone.</p>
      <DeleteWorkspaceForm slug={slug} name={workspace.name} />
    </section>
  );
}

import Link from 'next/link';
import { requireMembership } from '@/lib/auth/guards';
import { hasRole } from '@/lib/auth/roles';
import { deleteWorkspaceAction, updateWorkspaceSettingsAction } from './actions';
import { DeleteWorkspaceForm } from './delete-workspace-form';
import { SettingsForm } from './settings-form';

export const metadata = { title: 'Workspace settings · Worthwise' };

/** Admins change the settings; only owners see (and may use) the deletion. */
export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMembership(slug, 'admin');
  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Settings</h2>
        <SettingsForm action={updateWorkspaceSettingsAction.bind(null, slug)} current={workspace} />
      </section>
      {hasRole(role, 'owner') && (
        <section className="space-y-3 rounded-lg border border-red-200 bg-white p-4">
          <h2 className="text-lg font-semibold">Delete workspace</h2>
          <p className="text-sm text-slate-600">Deletes {workspace.name} with all its customers, orders, imports, predictions, members and audit trail. This cannot be undone.</p>
          <p className="text-sm text-slate-600">
            To hand it to someone else instead, <Link href={`/w/${slug}/settings/members`} className="text-indigo-700 underline">transfer ownership</Link> on the Members page.
          </p>
          <DeleteWorkspaceForm action={deleteWorkspaceAction.bind(null, slug)} name={workspace.name} />
        </section>
      )}
    </div>
  );
}

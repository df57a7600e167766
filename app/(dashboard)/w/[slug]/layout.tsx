import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { requireMembership } from '@/lib/auth/guards';
import { WorkspaceNav } from '@/app/_components/workspace-nav';
import { WorkspaceSwitcher } from '@/app/_components/workspace-switcher';

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, workspace, role } = await requireMembership(slug, 'viewer');
  const workspaces = await listWorkspacesForUser(user.id);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
        <WorkspaceNav slug={workspace.slug} role={role} />
      </div>
      <main>{children}</main>
    </div>
  );
}

import { redirect } from 'next/navigation';

/** "Settings" without a section opens the workspace's own settings, where the navigation links. */
export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/w/${encodeURIComponent(slug)}/settings/workspace`);
}

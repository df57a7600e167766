import Link from 'next/link';

/** The current workspace's name, opening a list of the user's other workspaces. */
export function WorkspaceSwitcher({ current, workspaces }: {
  current: { name: string; slug: string };
  workspaces: { id: string; name: string; slug: string }[];
}) {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none text-xl font-semibold" data-testid="workspace-name">
        {current.name} <span className="text-sm text-slate-500">▾</span>
      </summary>
      <ul className="absolute z-10 mt-2 w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {workspaces.map((w) => (
          <li key={w.id}>
            <Link href={`/w/${w.slug}`} className={`block px-3 py-2 text-sm hover:bg-slate-50 ${w.slug === current.slug ? 'font-semibold' : ''}`}>
              {w.name}
            </Link>
          </li>
        ))}
        <li className="border-t border-slate-100">
          <Link href="/w?all=1" className="block px-3 py-2 text-sm text-indigo-700 hover:bg-slate-50">All workspaces / new…</Link>
        </li>
      </ul>
    </details>
  );
}

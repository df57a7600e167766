'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/roles';

const TABS = [
  { href: '', label: 'Overview' },
  { href: '/customers', label: 'Customers' },
  { href: '/data', label: 'Data' },
  { href: '/settings/members', label: 'Members' },
  { href: '/settings/audit', label: 'Audit', minimum: 'admin' },
  { href: '/settings/workspace', label: 'Settings', minimum: 'admin' },
] as const;

/** The workspace tabs; the role only hides tabs, each page checks it itself. */
export function WorkspaceNav({ slug, role }: { slug: string; role: Role }) {
  const pathname = usePathname();
  const base = `/w/${slug}`;
  return (
    // Scrolls sideways on a narrow screen instead of pushing Audit and Settings off it.
    <nav className="flex max-w-full gap-1 overflow-x-auto rounded-lg bg-slate-100 p-1 text-sm">
      {TABS.filter((tab) => !('minimum' in tab) || hasRole(role, tab.minimum)).map((tab) => {
        const href = base + tab.href;
        const active = tab.href === '' ? pathname === base : pathname.startsWith(href);
        return (
          <Link key={tab.label} href={href} aria-current={active ? 'page' : undefined}
            className={`shrink-0 whitespace-nowrap rounded-md px-3 py-1.5 ${active ? 'bg-white font-medium shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '', label: 'Overview' },
  { href: '/customers', label: 'Customers' },
  { href: '/data', label: 'Data' },
  { href: '/settings/members', label: 'Members' },
  { href: '/settings/audit', label: 'Audit', adminOnly: true },
];

/** The workspace tabs; `isAdmin` only hides the audit tab, the page itself checks the role. */
export function WorkspaceNav({ slug, isAdmin }: { slug: string; isAdmin: boolean }) {
  const pathname = usePathname();
  const base = `/w/${slug}`;
  return (
    <nav className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
      {TABS.filter((tab) => isAdmin || !tab.adminOnly).map((tab) => {
        const href = base + tab.href;
        const active = tab.href === '' ? pathname === base : pathname.startsWith(href);
        return (
          <Link key={tab.label} href={href} aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 ${active ? 'bg-white font-medium shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

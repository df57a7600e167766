import Link from 'next/link';
import { listCustomerNumbers, listCustomers } from '@/db/queries/customers';
import { requireMembership } from '@/lib/auth/guards';
import { formatDate, formatInteger, formatMoney, formatPercent } from '@/lib/format';
import { customerMetrics } from '@/lib/metrics/historic';
import { canExportCustomers, canSeeCustomerDetails, customerLabel } from '@/lib/customers/visibility';
import { listCustomersSchema, type CustomerSort, type ListCustomersInput } from '@/lib/validation/customers';
import { Pagination } from '@/app/_components/pagination';

export const metadata = { title: 'Customers · Worthwise' };

const PAGE_SIZE = 50;

const COLUMNS: { sort: CustomerSort; label: string; numeric?: boolean }[] = [
  { sort: 'customer', label: 'Customer' },
  { sort: 'orders', label: 'Orders', numeric: true },
  { sort: 'revenue', label: 'Revenue', numeric: true },
  { sort: 'net', label: 'Net CLV', numeric: true },
  { sort: 'aov', label: 'AOV', numeric: true },
  { sort: 'first', label: 'First order' },
  { sort: 'last', label: 'Last order' },
  { sort: 'clv', label: 'Predicted CLV 12m', numeric: true },
  { sort: 'alive', label: 'P(alive)', numeric: true },
];

export default async function CustomersPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { workspace, role } = await requireMembership(slug, 'viewer');
  const showDetails = canSeeCustomerDetails(role);
  const parsed = listCustomersSchema.parse(await searchParams);
  // A viewer's search or sort by customer id would reveal the ids one guess at a time.
  const query = showDetails ? parsed : { ...parsed, q: undefined, sort: parsed.sort === 'customer' ? 'net' : parsed.sort };
  const { rows, total } = await listCustomers({ workspaceId: workspace.id, ...query, pageSize: PAGE_SIZE });
  // Only viewers are shown numbers in place of the ids; the others need no extra query.
  const numbers = showDetails ? new Map<number, number>() : await listCustomerNumbers(workspace.id, rows.map((r) => r.id));
  const basePath = `/w/${workspace.slug}/customers`;
  const search = (change: Partial<ListCustomersInput>) => {
    const next = { ...query, ...change };
    const params = new URLSearchParams({ sort: next.sort, dir: next.dir, page: String(next.page) });
    if (next.q) params.set('q', next.q);
    return params;
  };
  const href = (change: Partial<ListCustomersInput>) => `${basePath}?${search(change)}`;
  const exportParams = search({});
  exportParams.delete('page');

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="customer-count">{formatInteger(total)} customers</p>
        <div className="flex gap-2">
        {canExportCustomers(role) && (
          <a href={`${basePath}/export?${exportParams}`} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">Export CSV</a>
        )}
        {showDetails && <form method="get" action={basePath} className="flex gap-2">
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <input name="q" type="search" defaultValue={query.q} placeholder="Search customer id" aria-label="Search customers"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">Search</button>
        </form>}
        </div>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              {COLUMNS.map((c) => {
                if (c.sort === 'customer' && !showDetails) return <th key={c.sort} className="px-3 py-2 font-medium">{c.label}</th>;
                const active = query.sort === c.sort;
                const dir = active && query.dir === 'desc' ? 'asc' : 'desc';
                return (
                  <th key={c.sort} className={`px-3 py-2 font-medium ${c.numeric ? 'text-right' : ''}`} aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <Link href={href({ sort: c.sort, dir, page: 1 })} className="hover:text-slate-900">
                      {c.label}{active ? (query.dir === 'asc' ? ' ↑' : ' ↓') : ''}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {rows.map((row) => {
              const m = customerMetrics(row);
              return (
                <tr key={row.id} className="hover:bg-slate-50">
                  <td className="px-3 py-2" data-testid="customer-label">
                    {showDetails ? <Link href={`${basePath}/${row.id}`} className="text-indigo-700 underline">{row.externalId}</Link> : customerLabel(role, row, numbers.get(row.id))}
                  </td>
                  <td className="px-3 py-2 text-right">{formatInteger(m.orders)}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(m.revenueMinor, workspace.currency)}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(m.netClvMinor, workspace.currency)}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(m.aovMinor, workspace.currency)}</td>
                  <td className="px-3 py-2">{m.firstOrderAt ? formatDate(m.firstOrderAt, workspace.timeZone) : '—'}</td>
                  <td className="px-3 py-2">{m.lastOrderAt ? formatDate(m.lastOrderAt, workspace.timeZone) : '—'}</td>
                  <td className="px-3 py-2 text-right">{row.predictedClv12mMinor === null ? '—' : formatMoney(row.predictedClv12mMinor, workspace.currency)}</td>
                  <td className="px-3 py-2 text-right">{row.probabilityAlive === null ? '—' : formatPercent(row.probabilityAlive)}</td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr><td colSpan={COLUMNS.length} className="px-3 py-6 text-center text-slate-500">
                {query.q ? `No customer id contains “${query.q}”.` : total === 0 ? 'No customers yet: upload your order history on the Data page.' : 'No customers on this page.'}
              </td></tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={query.page} pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))} hrefFor={(page) => href({ page })} />
    </div>
  );
}

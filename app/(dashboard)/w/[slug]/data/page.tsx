import { listImports } from '@/db/queries/imports';
import { requireMembership } from '@/lib/auth/guards';
import { hasRole } from '@/lib/auth/roles';
import { formatInteger, formatMoney } from '@/lib/format';
import { UploadForm } from './upload-form';

export const metadata = { title: 'Data · Worthwise' };

export default async function DataPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMembership(slug, 'viewer');
  const history = await listImports(workspace.id);
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: workspace.timeZone });
  return (
    <div className="space-y-8">
      {hasRole(role, 'admin') && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-lg font-semibold">Upload order history</h2>
          <UploadForm slug={workspace.slug} currency={workspace.currency} />
        </section>
      )}
      <section>
        <h2 className="mb-3 text-lg font-semibold">Import history</h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">No imports yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="import-history">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>{['File', 'When', 'Who', 'Rows read', 'Orders added', 'Refunds added', 'Already imported', 'Customers (new)', 'Net total', 'Status'].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums">
                {history.map((i) => (
                  <tr key={i.id}>
                    <td className="px-3 py-2">{i.fileName}</td>
                    <td className="px-3 py-2">{when.format(i.createdAt)}</td>
                    <td className="px-3 py-2">{i.createdByEmail ?? '—'}</td>
                    <td className="px-3 py-2">{formatInteger(i.rowsRead)}</td>
                    <td className="px-3 py-2">{formatInteger(i.ordersAdded)}</td>
                    <td className="px-3 py-2">{formatInteger(i.refundsAdded)}</td>
                    <td className="px-3 py-2">{formatInteger(i.rowsAlreadyImported)}</td>
                    <td className="px-3 py-2">{formatInteger(i.customersInFile)} ({formatInteger(i.customersAdded)})</td>
                    <td className="px-3 py-2">{formatMoney(i.netTotalMinor, i.currency)}</td>
                    <td className="px-3 py-2">{i.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

import { listImportsToFollow } from '@/db/queries/import-jobs';
import { listImports } from '@/db/queries/imports';
import { requireMembership } from '@/lib/auth/guards';
import { hasRole } from '@/lib/auth/roles';
import { formatInteger, formatMoney } from '@/lib/format';
import { describeConversion } from '@/lib/imports/describe';
import { importProgress } from '@/lib/imports/import-progress';
import { commitImportAction } from './actions';
import { DeleteImportButton } from './delete-import-button';
import { DeletionNotice } from './deletion-notice';
import { ImportCard } from './import-card';
import { UploadForm } from './upload-form';

const STATUS_WORDS: Record<string, string> = {
  queued: 'waiting', checking: 'checking', checked: 'to review', importing: 'importing',
  completed: 'imported', rejected: 'rejected', failed: 'failed', cancelled: 'cancelled',
};

export const metadata = { title: 'Data · Worthwise' };

export default async function DataPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMembership(slug, 'viewer');
  const isAdmin = hasRole(role, 'admin');
  const [history, following] = await Promise.all([listImports(workspace.id), isAdmin ? listImportsToFollow(workspace.id) : []]);
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: workspace.timeZone });
  return (
    <div className="space-y-8">
      {isAdmin && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-lg font-semibold">Upload order history</h2>
          {/* The file streams from the browser in chunks, and the review's buttons are scripted. */}
          <noscript>
            <p className="mb-3 text-sm text-amber-800">Uploading, importing and deleting imports need JavaScript, which is off in this browser.</p>
          </noscript>
          <UploadForm slug={workspace.slug} currency={workspace.currency} importStatuses={Object.fromEntries(history.map((i) => [i.id, i.status]))} />
        </section>
      )}
      {following.map((row) => (
        <ImportCard key={row.id} slug={workspace.slug} initial={importProgress(row)} commitAction={commitImportAction.bind(null, workspace.slug, row.id)} />
      ))}
      <section>
        <h2 className="mb-3 text-lg font-semibold">Import history</h2>
        <DeletionNotice />
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">No imports yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="import-history">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>{['File', 'When', 'Who', 'Rows read', 'Orders added', 'Refunds added', 'Already imported', 'Customers (new)', "File's net total", 'Status', ...(isAdmin ? [''] : [])].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums">
                {history.map((i) => {
                  // Until an import completes it has written nothing: a dash, not a zero that reads as "added none"
                  // (and rows read are the card's to show while the file is being read).
                  const written = (text: string) => (i.status === 'completed' ? text : '—');
                  return (
                    <tr key={i.id}>
                      <td className="px-3 py-2">{i.fileName}</td>
                      <td className="px-3 py-2">{when.format(i.createdAt)}</td>
                      <td className="px-3 py-2">{i.createdByEmail ?? '—'}</td>
                      <td className="px-3 py-2">{i.status === 'queued' || i.status === 'checking' ? '—' : formatInteger(i.rowsRead)}</td>
                      <td className="px-3 py-2">{written(formatInteger(i.ordersAdded))}</td>
                      <td className="px-3 py-2">{written(formatInteger(i.refundsAdded))}</td>
                      <td className="px-3 py-2">{written(formatInteger(i.rowsAlreadyImported))}</td>
                      <td className="px-3 py-2">{written(`${formatInteger(i.customersInFile)} (${formatInteger(i.customersAdded)})`)}</td>
                      <td className="px-3 py-2" data-testid="history-net">
                        {written(formatMoney(i.netTotalMinor, i.currency))}
                        {/* Converted from other currencies: each one's original total and rate beside it. */}
                        {(i.currencyTotals ?? []).filter((t) => t.currency !== i.currency).map((t) => (
                          <span key={t.currency} className="block text-xs text-slate-500" data-testid="history-conversion">{describeConversion(t, i.currency)}</span>
                        ))}
                      </td>
                      <td className="px-3 py-2">{STATUS_WORDS[i.status] ?? i.status}</td>
                      {isAdmin && (
                        <td className="px-3 py-2">
                          {['completed', 'rejected', 'failed', 'cancelled'].includes(i.status) && <DeleteImportButton slug={workspace.slug} importId={i.id} fileName={i.fileName} wroteOrders={i.status === 'completed'} />}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

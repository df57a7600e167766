import { listAuditEvents } from '@/db/queries/audit';
import { requireMembership } from '@/lib/auth/guards';
import { describeAuditEvent } from '@/lib/audit/describe';

export const metadata = { title: 'Audit trail · Worthwise' };

const LIMIT = 200;

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMembership(slug, 'admin');
  const events = await listAuditEvents(workspace.id, { limit: LIMIT });
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: workspace.timeZone });
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Audit trail</h2>
      <p className="text-sm text-slate-600">The latest {LIMIT} events in {workspace.name}, newest first.</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="audit-events">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>{['When', 'Who', 'Event', 'Details'].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td className="whitespace-nowrap px-3 py-2">{when.format(e.createdAt)}</td>
                <td className="px-3 py-2">{e.actorEmail}</td>
                <td className="px-3 py-2">{e.action.replaceAll('_', ' ')}</td>
                <td className="px-3 py-2">{describeAuditEvent(e)}</td>
              </tr>
            ))}
            {events.length === 0 && <tr><td colSpan={4} className="px-3 py-6 text-center text-slate-500">No events yet.</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { recordAuditEvent } from '@/db/queries/audit';
import { iterateCustomers } from '@/db/queries/customer-export';
import { countCustomers } from '@/db/queries/customers';
import { requireMembership } from '@/lib/auth/guards';
import { csvLine } from '@/lib/csv/write';
import { customerMetrics } from '@/lib/metrics/historic';
import { toMajor } from '@/lib/money';
import { exportCustomersSchema } from '@/lib/validation/customers';

/** A spreadsheet opens about a million rows; past this the export is cut (and says so in the audit trail). */
const EXPORT_ROW_CAP = 100_000;

/** The prediction columns are empty for a customer without one (no completed model run, or first seen after its calibration end). */
const HEADER = [
  'customer_id', 'orders', 'revenue', 'refunds', 'net_clv', 'aov', 'first_order_at', 'last_order_at',
  'predicted_clv_12m', 'expected_purchases_12m', 'p_alive', 'currency',
];

/** Model outputs to 4 decimals: more would be float noise, not precision. */
const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** The customer list as CSV, with the list page's search and sort. Minimum role: analyst. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, workspace } = await requireMembership(slug, 'analyst');
  const filter = exportCustomersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const query = { workspaceId: workspace.id, ...filter };
  const matching = await countCustomers(query);
  const rows = Math.min(matching, EXPORT_ROW_CAP);
  // Recorded before the first byte: an export the client abandons half-way still counts.
  await recordAuditEvent({
    workspaceId: workspace.id,
    actor: user,
    action: 'export',
    detail: { list: 'customers', filter, rows, truncated: matching > rows },
  });

  const currency = workspace.currency;
  const money = (minor: number) => toMajor(minor, currency);
  const lines = (async function* () {
    yield csvLine(HEADER);
    for await (const c of iterateCustomers({ ...query, maxRows: rows })) {
      const m = customerMetrics(c);
      yield csvLine([
        c.externalId, m.orders, money(m.revenueMinor), money(m.refundsMinor), money(m.netClvMinor),
        money(Math.round(m.aovMinor)), m.firstOrderAt?.toISOString(), m.lastOrderAt?.toISOString(),
        c.predictedClv12mMinor === null ? null : money(c.predictedClv12mMinor), round4(c.expectedPurchases12m), round4(c.probabilityAlive),
        currency,
      ]);
    }
  })();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${workspace.slug}-customers.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

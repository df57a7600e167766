import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCustomer, listCustomerOrders } from '@/db/queries/customers';
import { getCustomerPrediction } from '@/db/queries/predictions';
import { requireMembership } from '@/lib/auth/guards';
import { formatDate, formatDecimal, formatInteger, formatMoney, formatPercent } from '@/lib/format';
import { customerMetrics } from '@/lib/metrics/historic';
import { KpiCard } from '@/app/_components/kpi-card';

const ORDER_LIMIT = 500;

export default async function CustomerPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  // Customer details include the customer's id from the upload, often an e-mail address.
  const { workspace } = await requireMembership(slug, 'analyst');
  const customerId = Number(id);
  if (!Number.isSafeInteger(customerId) || customerId < 1) notFound();
  const customer = await getCustomer(workspace.id, customerId);
  if (!customer) notFound();
  const [orders, prediction] = await Promise.all([
    listCustomerOrders(workspace.id, customer.id, ORDER_LIMIT),
    getCustomerPrediction(workspace.id, customer.id),
  ]);
  const m = customerMetrics(customer);
  const money = (minor: number) => formatMoney(minor, workspace.currency);
  const day = (d: Date | null) => (d ? formatDate(d, workspace.timeZone) : '—');

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/w/${workspace.slug}/customers`} className="text-sm text-indigo-700 underline">← Customers</Link>
        <h2 className="mt-2 text-lg font-semibold">Customer {customer.externalId}</h2>
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <KpiCard testId="customer-net-clv" label="Historic CLV (net)" value={money(m.netClvMinor)} hint="Revenue − refunds" />
        <KpiCard testId="customer-orders" label="Orders" value={formatInteger(m.orders)} />
        <KpiCard label="Revenue" value={money(m.revenueMinor)} hint={`Refunds ${money(m.refundsMinor)}`} />
        <KpiCard testId="customer-aov" label="Average order value" value={money(m.aovMinor)} hint="Revenue ÷ orders" />
        <KpiCard label="First order" value={day(m.firstOrderAt)} />
        <KpiCard label="Last order" value={day(m.lastOrderAt)} />
      </div>
      {prediction ? (
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <KpiCard testId="customer-predicted-clv" label="Predicted CLV, next 12 months"
            value={prediction.predictedClv12mMinor === null ? '—' : money(prediction.predictedClv12mMinor)} hint="Gross margin, discounted" />
          <KpiCard testId="customer-expected-purchases" label="Expected purchases, next 12 months" value={formatDecimal(prediction.expectedPurchases12m, 2)} />
          <KpiCard testId="customer-p-alive" label="P(alive)" value={formatPercent(prediction.probabilityAlive)} hint="Chance the customer still buys" />
          <KpiCard testId="customer-overdue" label="Overdue" value={prediction.overdue ? 'Yes' : 'No'} hint="Silent longer than their usual gap" />
        </div>
      ) : (
        <p className="text-sm text-slate-600" data-testid="customer-no-prediction">No prediction for this customer yet: no completed model run includes them.</p>
      )}
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>{['Date', 'Order id', 'Quantity', 'Amount'].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {orders.map((o) => (
              <tr key={o.id}>
                <td className="px-3 py-2">{day(o.occurredAt)}</td>
                <td className="px-3 py-2">{o.externalOrderId ?? '—'}</td>
                <td className="px-3 py-2">{o.quantity ?? '—'}</td>
                <td className={`px-3 py-2 ${o.amountMinor < 0 ? 'text-red-700' : ''}`}>
                  {money(o.amountMinor)}
                  {/* An order in another currency keeps its own amount; the metrics use the converted one. */}
                  {o.currency !== workspace.currency && <span className="text-xs text-slate-500">{` (${formatMoney(o.originalAmountMinor, o.currency)})`}</span>}
                  {o.amountMinor < 0 ? ' (refund)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {orders.length === ORDER_LIMIT && <p className="px-3 py-2 text-xs text-slate-500">Showing the latest {ORDER_LIMIT} orders.</p>}
      </section>
    </div>
  );
}

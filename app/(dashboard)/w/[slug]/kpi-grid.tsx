import { KpiCard } from '@/app/_components/kpi-card';
import { formatDecimal, formatInteger, formatMoney, formatPercent } from '@/lib/format';
import type { PeriodMetrics } from '@/lib/metrics/historic';

/** The overview's headline figures for one period. */
export function KpiGrid({ metrics: m, currency, isAllTime }: { metrics: PeriodMetrics; currency: string; isAllTime: boolean }) {
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
      <KpiCard testId="kpi-customers" label={isAllTime ? 'Customers' : 'Active customers'} value={formatInteger(m.activeCustomers)} />
      <KpiCard testId="kpi-orders" label="Orders" value={formatInteger(m.orders)} />
      <KpiCard testId="kpi-net-revenue" label="Net revenue" value={formatMoney(m.netRevenueMinor, currency)}
        hint={m.refundsMinor > 0 ? `${formatMoney(m.revenueMinor, currency)} revenue − ${formatMoney(m.refundsMinor, currency)} refunds` : 'No refunds'} />
      <KpiCard testId="kpi-aov" label="Average order value" value={formatMoney(m.aovMinor, currency)} hint="Revenue ÷ orders" />
      <KpiCard testId="kpi-frequency" label="Purchase frequency" value={formatDecimal(m.purchaseFrequency)} hint="Orders ÷ customers" />
      <KpiCard testId="kpi-customer-value" label="Customer value (gross)" value={formatMoney(m.customerValueMinor, currency)} hint="AOV × purchase frequency, before refunds" />
      <KpiCard testId="kpi-repeat-rate" label="Repeat-customer rate" value={formatPercent(m.repeatRate)} hint="Customers with 2+ orders" />
      <KpiCard testId="kpi-mean-clv" label="Mean historic CLV (net)" value={formatMoney(m.meanClvMinor, currency)} hint="Net revenue ÷ customers, after refunds" />
    </div>
  );
}

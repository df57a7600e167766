import Link from 'next/link';
import { listClvDistribution, listPeriodAggregates } from '@/db/queries/metrics';
import { getLatestModelRun, getModelRun } from '@/db/queries/model-runs';
import { getPredictionSummary } from '@/db/queries/predictions';
import { requireMembership } from '@/lib/auth/guards';
import { clvBucketLabels } from '@/lib/metrics/clv-distribution';
import { periodMetrics } from '@/lib/metrics/historic';
import { monthKeysBetween, periodLabel } from '@/lib/metrics/periods';
import { toMajor } from '@/lib/money';
import { currencySymbol } from '@/lib/format';
import { overviewParamsSchema } from '@/lib/validation/overview';
import { countMonthsSpanned, type WorkspaceDataShape } from '@/lib/predictions/run-outcome';
import { BarChart } from '@/app/_components/bar-chart';
import { PeriodPicker } from '@/app/_components/period-picker';
import { KpiGrid } from './kpi-grid';
import { ModelStatus } from './model-status';
import { PredictionGrid } from './prediction-grid';
import { PeriodTable } from './period-table';

export const metadata = { title: 'Overview · Worthwise' };

export default async function OverviewPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { workspace } = await requireMembership(slug, 'viewer');
  const { by, period } = overviewParamsSchema.parse(await searchParams);

  const [selectedRows, monthly, distribution, latestRun, predictions] = await Promise.all([
    listPeriodAggregates(workspace, by),
    listPeriodAggregates(workspace, 'month'),
    listClvDistribution(workspace),
    getLatestModelRun(workspace.id),
    getPredictionSummary(workspace.id),
  ]);
  // The stored predictions may belong to an earlier run than the latest (pending or failed) one.
  const predictedRun = !predictions ? null
    : predictions.modelRunId === latestRun?.id ? latestRun : await getModelRun(workspace.id, predictions.modelRunId);
  const rows = selectedRows.map((r) => ({ key: r.key, ...periodMetrics(r) }));
  const chosen = by === 'all' ? rows[0] : (rows.find((r) => r.key === period) ?? rows[rows.length - 1]);
  const basePath = `/w/${workspace.slug}`;

  if (!chosen || monthly.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="text-slate-700">No orders yet.</p>
        <Link href={`${basePath}/data`} className="mt-2 inline-block text-indigo-700 underline">Upload your order history</Link>
      </div>
    );
  }

  // A failed run is explained against the whole history, whichever period the page shows.
  const allTime = by === 'all' ? selectedRows[0] : latestRun?.status === 'failed' ? (await listPeriodAggregates(workspace, 'all'))[0] : undefined;
  const dataShape: WorkspaceDataShape = {
    customers: allTime?.activeCustomers ?? 0,
    repeatBuyers: allTime?.repeatCustomers ?? 0,
    historyMonths: countMonthsSpanned(monthly[0]?.key, monthly[monthly.length - 1]?.key),
  };
  const symbol = currencySymbol(workspace.currency);
  // Months without orders are bars of zero: without them a gap of a year would not show.
  const months = monthKeysBetween(monthly[0]?.key, monthly[monthly.length - 1]?.key);
  const monthlyByKey = new Map(monthly.map((m) => [m.key, m]));
  return (
    <div className="space-y-6">
      {latestRun && (
        <section className="space-y-4" aria-labelledby="predictions-heading">
          <h2 id="predictions-heading" className="text-lg font-semibold">Predicted, next 12 months</h2>
          <ModelStatus latest={latestRun} predicted={predictedRun} data={dataShape} timeZone={workspace.timeZone} />
          {predictions && predictedRun && <PredictionGrid summary={predictions} run={predictedRun} currency={workspace.currency} />}
        </section>
      )}
      <PeriodPicker basePath={basePath} by={by} period={chosen.key} periods={rows.map((r) => r.key)} />
      <h2 className="text-lg font-semibold" data-testid="period-heading">{by === 'all' ? 'All time' : periodLabel(chosen.key)}</h2>
      <KpiGrid metrics={chosen} currency={workspace.currency} isAllTime={by === 'all'} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          {/* The charts show the whole history whatever period the cards show; say so when a period is picked. */}
          <h3 className="mb-2 font-medium">Net revenue by month{by === 'all' ? '' : ', all time'}</h3>
          <BarChart label="Net revenue" valuePrefix={symbol}
            labels={months.map(periodLabel)}
            values={months.map((key) => { const m = monthlyByKey.get(key); return m ? toMajor(m.revenueMinor - m.refundsMinor, workspace.currency) : 0; })} />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-medium">Customers by historic CLV (net){by === 'all' ? '' : ', all time'}</h3>
          <BarChart label="Customers" isCount color="--color-chart-secondary" labels={clvBucketLabels(symbol)} values={distribution} />
        </section>
      </div>
      {by !== 'all' && <PeriodTable rows={rows} currency={workspace.currency} basePath={basePath} by={by} />}
    </div>
  );
}

import { KpiCard } from '@/app/_components/kpi-card';
import type { ModelRun } from '@/db/schema';
import { AT_RISK_P_ALIVE, type PredictionSummary } from '@/db/queries/predictions';
import { formatDecimal, formatInteger, formatMoney, formatPercent } from '@/lib/format';

/** The overview's predicted figures: totals over the stored predictions of `run`, and its backtest. */
export function PredictionGrid({ summary: s, run, currency }: { summary: PredictionSummary; run: ModelRun; currency: string }) {
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, currency));
  const terms = `At ${formatPercent(run.grossMargin ?? 1, 0)} gross margin, discounted ${formatPercent(run.monthlyDiscountRate ?? 0, 1)} a month`;
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
      <KpiCard testId="kpi-predicted-clv" label="Predicted CLV, next 12 months" value={money(s.clvTotalMinor)} hint={terms} />
      <KpiCard testId="kpi-predicted-clv-mean" label="Mean predicted CLV" value={money(s.clvMeanMinor)}
        hint={`Per customer, over ${formatInteger(s.customers)} customers`} />
      <KpiCard testId="kpi-expected-purchases" label="Expected purchases, next 12 months" value={formatInteger(s.expectedPurchases)}
        hint="Repeat purchases by today's customers" />
      <KpiCard testId="kpi-at-risk" label="At risk of having churned" value={formatPercent(s.atRisk / s.customers)}
        hint={`${formatInteger(s.atRisk)} customers with P(alive) below ${formatPercent(AT_RISK_P_ALIVE, 0)}`} />
      <KpiCard testId="kpi-overdue" label="Overdue customers" value={formatInteger(s.overdue)}
        hint="Silent for longer than their usual gap between purchases" />
      <BacktestCard run={run} />
    </div>
  );
}

/** Backtest accuracy: mean absolute error in repeat purchases per customer over the holdout half. */
function BacktestCard({ run }: { run: ModelRun }) {
  const b = run.backtest;
  if (!b?.ok) return <KpiCard testId="kpi-backtest-mae" label="Backtest error (MAE)" value="—" hint={b ? `No backtest: ${b.reason}.` : 'No backtest.'} />;
  const hint = `Purchases per customer, fitted to ${b.calibrationEnd} and checked to ${b.holdoutEnd}: RMSE ${formatDecimal(b.rmse, 2)}, `
    + `bias ${formatDecimal(b.bias, 2)}; predicted ${formatInteger(b.predictedTotal)} vs ${formatInteger(b.actualTotal)} actual`;
  return <KpiCard testId="kpi-backtest-mae" label="Backtest error (MAE)" value={formatDecimal(b.mae, 2)} hint={hint} />;
}

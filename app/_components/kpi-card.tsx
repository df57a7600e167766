/** One headline figure with its label and, optionally, how it is computed. */
export function KpiCard({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="@container rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      {/* Sized by the card, not the screen: two cards a row on a phone leave ~140 px, where "$2,500,315.63"
          fits only at text-base; a break rather than overflow as the last resort. */}
      <p className="mt-1 text-base font-semibold tabular-nums [overflow-wrap:anywhere] @[10rem]:text-xl @[13rem]:text-2xl" data-testid={testId}>
        {value}
      </p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { periodLabel, type PeriodUnit } from '@/lib/metrics/periods';

const UNITS: { unit: PeriodUnit; label: string }[] = [
  { unit: 'all', label: 'All time' },
  { unit: 'year', label: 'Year' },
  { unit: 'quarter', label: 'Quarter' },
  { unit: 'month', label: 'Month' },
];

/** Granularity tabs plus a period select; a plain GET form, so it also works without JavaScript. */
export function PeriodPicker({ basePath, by, period, periods }: { basePath: string; by: PeriodUnit; period?: string; periods: string[] }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm" role="tablist" aria-label="Group by">
        {UNITS.map(({ unit, label }) => (
          <Link key={unit} role="tab" aria-selected={by === unit} href={unit === 'all' ? basePath : `${basePath}?by=${unit}`}
            className={`rounded-md px-3 py-1 ${by === unit ? 'bg-white font-medium shadow-sm' : 'text-slate-600'}`}>
            {label}
          </Link>
        ))}
      </div>
      {by !== 'all' && periods.length > 0 && (
        <form method="get" action={basePath} className="flex items-center gap-2 text-sm">
          <input type="hidden" name="by" value={by} />
          <label htmlFor="period" className="text-slate-600">Period</label>
          <select id="period" name="period" defaultValue={period} key={period}
            onChange={(e) => router.push(`${basePath}?by=${by}&period=${e.target.value}`)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1">
            {periods.map((p) => (
              <option key={p} value={p}>{periodLabel(p)}</option>
            ))}
          </select>
          <noscript><button type="submit" className="rounded-md border px-2 py-1">Show</button></noscript>
        </form>
      )}
    </div>
  );
}

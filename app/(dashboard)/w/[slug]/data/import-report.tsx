import { formatQualityReport } from '@/lib/imports/format-report';
import type { QualityReport } from '@/lib/imports/quality-report';

/** What the import used and what it left out, line by line, under the result message. */
export function ImportReport({ report, hasHeader }: { report: QualityReport; hasHeader: boolean }) {
  return (
    <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-700" data-testid="import-report">
      {formatQualityReport(report, { hasHeader }).map((line) => <li key={line}>{line.trim()}</li>)}
    </ul>
  );
}

import type { ImportSummary } from '@/db/queries/imports';
import type { StageReport } from './stage-rows';

/**
 * What an import's dry run found, kept with the import: the rows read and any invalid ones, and —
 * for a clean file — the exact counts the commit will write (`preview`, from the merge run and
 * rolled back).
 */
export interface ImportReport {
  stage: StageReport;
  preview: ImportSummary | null;
}

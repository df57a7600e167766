import type { ImportSummary } from '@/db/queries/imports';
import type { ImportReading } from './read-import';

/**
 * What an import's check (the dry run) found, kept with the import: the reading — preset, rows,
 * malformed rows and the data-quality report — and, for a clean file, the exact counts the commit
 * will write (`preview`, from the merge run and rolled back).
 */
export interface ImportCheck {
  reading: ImportReading;
  preview: ImportSummary | null;
}

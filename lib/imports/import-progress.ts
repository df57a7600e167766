import type { Import, ImportStatus } from '@/db/schema';
import type { ImportCheck } from './import-check';

/** What the progress bar shows of one import; plain JSON, the same on the page and in the poll. */
export interface ImportProgress {
  id: string;
  fileName: string;
  status: ImportStatus;
  /** 0–100: reading the file fills the bar to 90 %, writing the last 10 %. */
  percent: number;
  rowsRead: number;
  bytesRead: number;
  fileBytes: number;
  message: string | null;
  report: ImportCheck | null;
  /** No job works on it any more: completed, rejected, failed or cancelled. */
  isFinished: boolean;
}

const FINISHED: ImportStatus[] = ['completed', 'rejected', 'failed', 'cancelled'];

export function importProgress(row: Import): ImportProgress {
  const read = row.fileBytes > 0 ? Math.min(1, row.bytesRead / row.fileBytes) : 0;
  const percent =
    row.status === 'queued' ? 0
    : row.status === 'checking' ? Math.round(read * 90)
    : row.status === 'checked' ? 90
    : row.status === 'importing' ? 95
    : 100;
  return {
    id: row.id, fileName: row.fileName, status: row.status, percent, rowsRead: row.rowsRead, bytesRead: row.bytesRead,
    fileBytes: row.fileBytes, message: row.message, report: (row.report as ImportCheck | null) ?? null, isFinished: FINISHED.includes(row.status),
  };
}

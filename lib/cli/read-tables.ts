// Readers for inputs that are already aggregated: customer summaries (--summary), BG/BB
// recency/frequency patterns (donations.csv) and sBG survival tables (alive per period).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { BgBbPattern } from '../metrics/clv/index';
import { CliError } from './cli-error';

export interface CsvTable {
  fields: string[];
  rows: Record<string, string>[];
}

export function readCsv(file: string): CsvTable {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  });
  const firstError = parsed.errors[0];
  if (firstError) throw new CliError(`${file} line ${(firstError.row ?? 0) + 2}: ${firstError.message}`);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

function requireColumns(file: string, table: CsvTable, columns: string[]): void {
  const missing = columns.filter((c) => !table.fields.includes(c));
  if (missing.length) throw new CliError(`${file}: missing column ${missing.join(', ')} (columns: ${table.fields.join(', ')})`);
}

function numberAt(file: string, row: Record<string, string>, column: string, index: number): number {
  const raw = row[column];
  const v = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(v)) throw new CliError(`${file} line ${index + 2}: ${column} "${raw ?? ''}" is not a number`);
  if (v < 0) throw new CliError(`${file} line ${index + 2}: ${column} is negative (${v})`);
  return v;
}

export interface SummaryRow {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue?: number;
}

/** customer_id (or ID), frequency, recency, T[, monetary_value]; checks recency ≤ T per line. */
export function readSummaryCsv(file: string): SummaryRow[] {
  const table = readCsv(file);
  requireColumns(file, table, ['frequency', 'recency', 'T']);
  const idColumn = table.fields.find((f) => ['customer_id', 'ID', 'id'].includes(f));
  const hasMoney = table.fields.includes('monetary_value');
  return table.rows.map((row, i) => {
    const s: SummaryRow = {
      customerId: idColumn ? (row[idColumn] ?? '') : String(i + 1),
      frequency: numberAt(file, row, 'frequency', i),
      recency: numberAt(file, row, 'recency', i),
      T: numberAt(file, row, 'T', i),
    };
    if (s.recency > s.T) throw new CliError(`${file} line ${i + 2}: recency ${s.recency} is greater than T ${s.T}`);
    if (!Number.isInteger(s.frequency)) throw new CliError(`${file} line ${i + 2}: frequency ${s.frequency} is not a whole number`);
    if (hasMoney) s.monetaryValue = numberAt(file, row, 'monetary_value', i);
    return s;
  });
}

/** frequency, recency, periods, weights (lifetimes' donations.csv layout). */
export function readPatterns(file: string): BgBbPattern[] {
  const table = readCsv(file);
  requireColumns(file, table, ['frequency', 'recency', 'periods']);
  const weightColumn = table.fields.includes('weights') ? 'weights' : table.fields.includes('weight') ? 'weight' : null;
  return table.rows.map((row, i) => ({
    frequency: numberAt(file, row, 'frequency', i),
    recency: numberAt(file, row, 'recency', i),
    periods: numberAt(file, row, 'periods', i),
    weight: weightColumn ? numberAt(file, row, weightColumn, i) : 1,
  }));
}

/** A period column (year, period or t) and one alive-count column per segment. */
export function readSurvival(file: string, periods?: number): Map<string, number[]> {
  const table = readCsv(file);
  const periodColumn = table.fields.find((f) => ['year', 'period', 't'].includes(f));
  if (!periodColumn) throw new CliError(`${file}: needs a period column named year, period or t`);
  const rows = table.rows.filter((row, i) => periods === undefined || numberAt(file, row, periodColumn, i) <= periods);
  const segments = new Map<string, number[]>();
  for (const column of table.fields.filter((f) => f !== periodColumn)) {
    segments.set(column, rows.map((row, i) => numberAt(file, row, column, i)));
  }
  return segments;
}

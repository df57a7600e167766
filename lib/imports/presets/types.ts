import { normalizeHeader } from '@/lib/csv/detect';
import type { ColumnMapping, DateFormat, Delimiter } from '@/lib/csv/fields';
import type { SlashFormat } from '@/lib/csv/date-order';
import type { DecimalSeparator } from '@/lib/csv/amounts';
import type { RowOutcome } from '../canonical';
import { ImportFileError } from '../row-error';

export const PRESET_NAMES = ['shopify', 'stripe', 'woocommerce', 'online-retail', 'cdnow', 'generic'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Column indexes of the generic layout, chosen by the user in the mapping step. */
export type GenericMapping = Partial<ColumnMapping>;

export interface MapperOptions {
  timeZone: string;
  /** Used when the file names no currency (generic, CDNOW, a preset file without its currency column). */
  currency: string;
  decimal: DecimalSeparator;
  /** Date format per column index, decided from the whole column by the reader's first pass. */
  dateFormats: ReadonlyMap<number, DateFormat>;
  /** The generic layout's column mapping; presets ignore it. */
  mapping: GenericMapping;
}

/** Reads a file's records into orders. Stateful: line items of one order arrive row by row. */
export interface Mapper {
  push(record: string[], row: number): RowOutcome[];
  /** Flushes the order still open at the end of the file. */
  end(): RowOutcome[];
}

export interface DateColumn {
  index: number;
  /** The order the source system writes, used only when the whole column leaves it open. */
  presetOrder?: SlashFormat;
}

export interface Preset {
  name: PresetName;
  label: string;
  /** True when the header row is this preset's export (by column names, never positions). */
  matches(header: string[], delimiter: Delimiter): boolean;
  /** True for exports read by column name: every row must then have the header's width. */
  readsByName: boolean;
  /**
   * Where the export says the currency of its amounts, for the upload form ("from its "Currency"
   * column"); null when it does not, so the form asks (MapperOptions.currency, else the fallback).
   */
  currencyFrom: string | null;
  /** Whether the first record is a header; only the generic layout and CDNOW can lack one. */
  hasHeader(firstRecord: string[], mapping: GenericMapping | undefined, declared: boolean | undefined): boolean;
  /** Columns whose day/month order the reader decides from the whole file before mapping. */
  dateColumns(header: string[], mapping: GenericMapping): DateColumn[];
  createMapper(header: string[], options: MapperOptions): Mapper;
}

/** Index of the first header matching any alias (compared without case, spaces or punctuation); -1 if none. */
export function findColumn(header: string[], aliases: readonly string[]): number {
  const normalized = header.map(normalizeHeader);
  for (const alias of aliases) {
    const i = normalized.indexOf(normalizeHeader(alias));
    if (i >= 0) return i;
  }
  return -1;
}

/** Like findColumn, but a missing required column rejects the file, naming what was expected. */
export function requireColumn(header: string[], aliases: readonly string[], label: string): number {
  const i = findColumn(header, aliases);
  if (i < 0) throw new ImportFileError(`The ${label} export has no "${aliases[0]}" column; it is required.`, { column: aliases[0] });
  return i;
}

/** True when every group has at least one alias among the header's columns. */
export function hasColumns(header: string[], groups: readonly (readonly string[])[]): boolean {
  return groups.every((aliases) => findColumn(header, aliases) >= 0);
}

/** Presets with a fixed header: the first record is always the header. */
export const ALWAYS_HEADER = (): boolean => true;

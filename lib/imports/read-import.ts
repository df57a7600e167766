import { detectLayout } from '@/lib/csv/detect';
import { checkBytes, decodeBytes, readSample, sniffEncoding } from '@/lib/csv/decode';
import type { DecimalSeparator } from '@/lib/csv/amounts';
import type { DateFormat, Delimiter } from '@/lib/csv/fields';
import { readRecords } from '@/lib/csv/read-rows';
import type { CanonicalOrder, RowOutcome } from './canonical';
import { decideDateFormats } from './date-columns';
import { detectPreset } from './presets/detect-preset';
import type { GenericMapping, Preset, PresetName } from './presets/types';
import { createQualityReport, type QualityReport } from './quality-report';
import { hasUnclosedQuote, UNCLOSED_QUOTE_MESSAGE, type RowError } from './row-error';

const MAX_REPORTED_ERRORS = 20;
const SAMPLE_BYTES = 64 * 1024;

export interface ReadImportOptions {
  /** Opens the file from its start; called more than once (layout sample, checks, date columns, rows). */
  openBytes: () => AsyncIterable<Uint8Array>;
  /** The workspace's IANA zone: the wall clock of dates that carry no offset. */
  timeZone: string;
  /** "Now" for the report's future-date check; lib has no clock. */
  asOf: Date;
  /** Currency of files that name none (generic, CDNOW). */
  currency: string;
  maxBytes?: number;
  /** The generic layout's mapping step; presets detected from the header ignore all of these. */
  generic?: { mapping: GenericMapping; hasHeader?: boolean; delimiter?: Delimiter; dateFormat?: DateFormat; decimal?: DecimalSeparator };
}

/** Filled in while `batches` is consumed; complete once it is done. */
export interface ImportReading {
  preset: PresetName | null;
  hasHeader: boolean;
  rowsRead: number;
  errorCount: number;
  /** The first MAX_REPORTED_ERRORS malformed rows; any error means the file must not be imported. */
  errors: RowError[];
  report: QualityReport | null;
}

/**
 * Reads an upload into canonical orders, streaming (memory stays flat). The file is read up to
 * four times: a 64 KB sample for the layout and preset, a byte pass (size limit, binary check,
 * UTF-8 or Windows-1252), a pass over the date columns to decide day/month order from the whole
 * column (only when the sample shows day/month dates), and the pass that maps rows. Whole-file
 * problems throw ImportFileError from `batches`; malformed rows are collected in `reading.errors`
 * while reading goes on, to report them all. Orders come out in file order, in batches (one per
 * batch of records): a million rows cost a million async iteration steps when yielded one by one.
 */
export function readImport(options: ReadImportOptions): { batches: AsyncGenerator<CanonicalOrder[]>; reading: ImportReading } {
  const reading: ImportReading = { preset: null, hasHeader: true, rowsRead: 0, errorCount: 0, errors: [], report: null };

  async function* batches(): AsyncGenerator<CanonicalOrder[]> {
    const sample = await readSample(options.openBytes(), SAMPLE_BYTES);
    if (sample.length === 0) return;
    const guess = sniffEncoding(sample);
    const layout = detectLayout(new TextDecoder(guess).decode(sample));
    const delimiter = options.generic?.delimiter ?? layout.delimiter;
    const preset = detectPreset(layout.sampleRows[0] ?? [], delimiter);
    const encoding = await checkBytes(options.openBytes(), guess, options.maxBytes ?? Infinity);
    const records = () => readRecords(decodeBytes(options.openBytes(), encoding), delimiter);
    reading.preset = preset.name;
    reading.hasHeader = preset.hasHeader(layout.sampleRows[0] ?? [], options.generic?.mapping, options.generic?.hasHeader);
    const mapping = preset.name === 'generic' ? (options.generic?.mapping ?? {}) : {};
    const isWholeFile = sample.length < SAMPLE_BYTES;
    const dates = await decideDateFormats(records, preset, mapping, reading.hasHeader, options.generic?.dateFormat, isWholeFile ? null : layout.sampleRows);

    const quality = createQualityReport(preset.name, options.asOf);
    let mapper: ReturnType<Preset['createMapper']> | null = null;
    let header: string[] = [];
    const mapperOptions = {
      timeZone: options.timeZone, currency: options.currency, decimal: options.generic?.decimal ?? 'auto', dateFormats: dates.formats, mapping,
    };
    const handle = (outcomes: RowOutcome[], found: CanonicalOrder[]) => {
      for (const outcome of outcomes) {
        quality.add(outcome);
        if (outcome.kind === 'order') found.push(outcome.order);
        else if (outcome.kind === 'error') reject(outcome.error);
      }
    };
    for await (const batch of records()) {
      const found: CanonicalOrder[] = [];
      for (const record of batch) {
        if (!mapper) {
          header = reading.hasHeader ? record.map((name) => name.trim()) : record.map((_, i) => `Column ${i + 1}`);
          mapper = preset.createMapper(header, mapperOptions);
          if (reading.hasHeader) continue;
        }
        const row = ++reading.rowsRead;
        const widthError = preset.readsByName ? checkWidth(record, header, row) : null;
        if (widthError) reject(widthError);
        else handle(mapper.push(record, row), found);
      }
      if (found.length > 0) yield found;
    }
    const last: CanonicalOrder[] = [];
    if (mapper) handle(mapper.end(), last);
    if (last.length > 0) yield last;
    reading.report = quality.finish(reading.rowsRead, dates.described);
  }

  function reject(error: RowError): void {
    reading.errorCount += 1;
    if (reading.errors.length < MAX_REPORTED_ERRORS) reading.errors.push({ ...error, value: shortened(error.value) });
  }

  return { batches: batches(), reading };
}

// A rejected cell is quoted back to the user; a 450 KB customer id must not become a 9 MB answer.
const MAX_QUOTED_CHARS = 80;

function shortened(value: string): string {
  return value.length <= MAX_QUOTED_CHARS ? value : `${value.slice(0, MAX_QUOTED_CHARS)}…`;
}

/** Exports read by name must keep the header's width: a short row is truncated, a long one shifted. Trailing blanks are tolerated. */
function checkWidth(record: string[], header: string[], row: number): RowError | null {
  if (record.length === header.length) return null;
  if (record.length > header.length && record.slice(header.length).every((f) => f.trim() === '')) return null;
  if (record.length < header.length && hasUnclosedQuote(record)) return { row, column: header[record.length - 1]!, value: '', message: UNCLOSED_QUOTE_MESSAGE };
  const column = record.length < header.length ? header[record.length]! : `Column ${header.length + 1}`;
  return { row, column, value: '', message: `has ${record.length} fields; the header has ${header.length} (a truncated or shifted row)` };
}


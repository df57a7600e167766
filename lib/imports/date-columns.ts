import { DateColumnProfile } from '@/lib/csv/date-order';
import { DAY_MONTH } from '@/lib/csv/values';
import type { DateFormat } from '@/lib/csv/fields';
import type { GenericMapping, Preset } from './presets/types';
import { ImportFileError } from './row-error';

const UNAMBIGUOUS = 'unambiguous (ISO 8601, YYYYMMDD or Excel serial)';

export interface DecidedDates {
  /** Format per column index, for the mapper. */
  formats: Map<number, DateFormat>;
  /** Per column name, how its dates are read, for the report. */
  described: Record<string, string>;
}

/**
 * The first pass over the rows: decides each date column's day/month order from every value in
 * it. A column that mixes 31/01 and 01/31 is an error naming both rows; one that never tells is
 * asked (an error asking the user to choose), unless the preset documents its source's order.
 * An explicit choice by the user (generic layout) is taken as is and needs no pass, and so does
 * a column of a large file whose sample (`sampleRows`, header included; null for a file the
 * sample covers whole) has no day/month dates at all: ISO dates need no decision, and a day/month
 * date further down then fails to parse, naming its row.
 */
export async function decideDateFormats(
  records: () => AsyncIterable<string[][]>,
  preset: Preset,
  mapping: GenericMapping,
  hasHeader: boolean,
  chosen: DateFormat | undefined,
  sampleRows: string[][] | null,
): Promise<DecidedDates> {
  const sampleData = sampleRows && (hasHeader ? sampleRows.slice(1) : sampleRows);
  const hasDayMonth = (index: number) => !sampleData || sampleData.some((r) => DAY_MONTH.test((r[index] ?? '').trim()));
  const decided: DecidedDates = { formats: new Map(), described: {} };
  let header: string[] | null = null;
  const columns = new Map<number, DateColumnProfile>();
  let row = 0;
  for await (const batch of records()) {
    for (const record of batch) {
      if (!header) {
        header = hasHeader ? record.map((name) => name.trim()) : record.map((_, i) => `Column ${i + 1}`);
        for (const c of preset.dateColumns(header, mapping)) {
          if (c.index < 0) continue;
          if (chosen && chosen !== 'auto') {
            decided.formats.set(c.index, chosen);
            decided.described[header[c.index]!] = `${chosen} (chosen)`;
          } else if (hasDayMonth(c.index)) columns.set(c.index, new DateColumnProfile());
          else decided.described[header[c.index]!] = UNAMBIGUOUS;
        }
        if (columns.size === 0) return decided;
        if (hasHeader) continue;
      }
      row += 1;
      for (const [index, profile] of columns) profile.add(record[index] ?? '', row);
    }
  }
  for (const [index, profile] of columns) {
    const name = header![index] ?? `Column ${index + 1}`;
    const presetOrder = preset.dateColumns(header!, mapping).find((c) => c.index === index)?.presetOrder;
    const verdict = profile.verdict(presetOrder);
    switch (verdict.kind) {
      case 'none':
        decided.described[name] = UNAMBIGUOUS;
        break;
      case 'decided':
        decided.formats.set(index, verdict.format);
        decided.described[name] = `${verdict.format} (${verdict.source === 'column' ? 'decided from the whole column' : `the ${preset.label} default; no date in the column tells`})`;
        break;
      case 'ambiguous':
        throw new ImportFileError(
          `Column "${name}": every date reads both as day/month and as month/day (e.g. row ${verdict.example.row}, "${verdict.example.value}"). ` +
            'Choose the date format (DD/MM/YYYY or MM/DD/YYYY) and upload again.',
          { row: verdict.example.row, column: name },
        );
      case 'conflict':
        throw new ImportFileError(
          `Column "${name}" mixes day-first and month-first dates: row ${verdict.dayFirst.row} has "${verdict.dayFirst.value}" (day first) ` +
            `but row ${verdict.monthFirst.row} has "${verdict.monthFirst.value}" (month first). Fix the file and upload again.`,
          { row: Math.max(verdict.dayFirst.row, verdict.monthFirst.row), column: name },
        );
    }
  }
  return decided;
}

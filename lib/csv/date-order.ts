import { DAY_MONTH } from './values';

export type SlashFormat = 'DD/MM/YYYY' | 'MM/DD/YYYY';

interface Sighting {
  row: number;
  value: string;
}

/** What a whole date column says about day/month order. */
export type DateOrderVerdict =
  | { kind: 'none' } // no slash/dot dates: ISO, YYYYMMDD or serials, read as they are
  | { kind: 'decided'; format: SlashFormat; source: 'column' | 'preset' }
  | { kind: 'ambiguous'; example: Sighting }
  | { kind: 'conflict'; dayFirst: Sighting; monthFirst: Sighting };

/**
 * Collects the evidence of one date column over the whole file, never deciding row by row: a
 * first part above 12 proves day-first, a second part above 12 proves month-first. A column that
 * never proves either is ambiguous, and the user is asked (or the preset's documented order used).
 */
export class DateColumnProfile {
  private dayFirst: Sighting | null = null;
  private monthFirst: Sighting | null = null;
  private either: Sighting | null = null;

  add(value: string, row: number): void {
    const m = DAY_MONTH.exec(value.trim());
    if (!m) return;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) this.dayFirst ??= { row, value };
    else if (b > 12 && a <= 12) this.monthFirst ??= { row, value };
    else if (a <= 12 && b <= 12) this.either ??= { row, value };
  }

  verdict(presetOrder?: SlashFormat): DateOrderVerdict {
    if (this.dayFirst && this.monthFirst) return { kind: 'conflict', dayFirst: this.dayFirst, monthFirst: this.monthFirst };
    if (this.dayFirst) return { kind: 'decided', format: 'DD/MM/YYYY', source: 'column' };
    if (this.monthFirst) return { kind: 'decided', format: 'MM/DD/YYYY', source: 'column' };
    if (!this.either) return { kind: 'none' };
    return presetOrder ? { kind: 'decided', format: presetOrder, source: 'preset' } : { kind: 'ambiguous', example: this.either };
  }
}

import type { FileLayout } from '@/lib/csv/detect';
import { DECIMAL_SEPARATORS, type DecimalSeparator } from '@/lib/csv/amounts';
import { DATE_FORMATS, FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type DateFormat, type ImportField } from '@/lib/csv/fields';

const DECIMAL_LABELS: Record<DecimalSeparator, string> = { auto: 'Read each value (1,234.56 or 1.234,56)', '.': 'Point (12.50)', ',': 'Comma (12,50)' };
const SELECT = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5';

export interface MappingChoice {
  mapping: Partial<ColumnMapping>;
  dateFormat: DateFormat;
  decimal: DecimalSeparator;
}

/** The generic layout's mapping step: a column per field, the date format and the decimal separator. */
export function MappingFields({ layout, choice, onChange }: { layout: FileLayout; choice: MappingChoice; onChange: (next: MappingChoice) => void }) {
  const setField = (field: ImportField, value: string) =>
    onChange({ ...choice, mapping: { ...choice.mapping, [field]: value === '' ? undefined : Number(value) } });
  return (
    <>
      {IMPORT_FIELDS.map((field) => (
        <label key={field} className="block text-sm font-medium">
          {FIELD_LABELS[field]}{REQUIRED_FIELDS.includes(field) ? '' : ' (optional)'}
          <select name={field} value={choice.mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)} className={SELECT}>
            <option value="">{REQUIRED_FIELDS.includes(field) ? 'Choose a column…' : 'Not in this file'}</option>
            {layout.columns.map((c, i) => <option key={i} value={i}>{c}</option>)}
          </select>
        </label>
      ))}
      <label className="block text-sm font-medium">
        Date format
        <select name="dateFormat" value={choice.dateFormat} onChange={(e) => onChange({ ...choice, dateFormat: e.target.value as DateFormat })} className={SELECT}>
          {DATE_FORMATS.map((f) => <option key={f} value={f}>{f === 'auto' ? 'Decide from the whole column' : f}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Decimal separator
        <select name="decimal" value={choice.decimal} onChange={(e) => onChange({ ...choice, decimal: e.target.value as DecimalSeparator })} className={SELECT}>
          {DECIMAL_SEPARATORS.map((d) => <option key={d} value={d}>{DECIMAL_LABELS[d]}</option>)}
        </select>
      </label>
    </>
  );
}

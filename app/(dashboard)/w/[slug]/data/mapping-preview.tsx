import { FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping } from '@/lib/csv/fields';
import type { FileLayout } from '@/lib/csv/detect';

/** The first rows of the file, each column headed by the field it is mapped to. */
export function MappingPreview({ layout, mapping }: { layout: FileLayout; mapping: Partial<ColumnMapping> }) {
  const fieldOf = (index: number) => IMPORT_FIELDS.find((f) => mapping[f] === index);
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-xs" data-testid="upload-preview">
        <thead className="bg-slate-50 text-left">
          <tr>
            {layout.columns.map((c, i) => {
              const field = fieldOf(i);
              return (
                <th key={i} className="px-2 py-1 font-medium">
                  {c}
                  <span className={`block font-normal ${field ? 'text-indigo-700' : 'text-slate-400'}`}>{field ? `→ ${FIELD_LABELS[field]}` : 'ignored'}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {layout.preview.map((row, r) => (
            <tr key={r}>{layout.columns.map((_, i) => <td key={i} className="px-2 py-1 font-mono">{row[i] ?? ''}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

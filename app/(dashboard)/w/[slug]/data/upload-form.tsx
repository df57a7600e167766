'use client';

import { useActionState, useEffect, useState } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { detectLayout, guessDateFormat, guessMapping, withHeader, type FileLayout } from '@/lib/csv/detect';
import { FIELD_LABELS, REQUIRED_FIELDS } from '@/lib/csv/fields';
import { idle, type ActionState } from '@/lib/action-state';
import { detectPreset } from '@/lib/imports/presets/detect-preset';
import type { Preset } from '@/lib/imports/presets/types';
import type { ImportFileResult } from '@/db/queries/import-file';
import { importTransactionsAction } from './actions';
import { ImportReport } from './import-report';
import { MappingFields, type MappingChoice } from './mapping-fields';
import { MappingPreview } from './mapping-preview';

const SAMPLE_BYTES = 64 * 1024;
const DELIMITER_LABELS: Record<FileLayout['delimiter'], string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab', whitespace: 'Spaces (CDNOW)' };

/**
 * Reads the first 64 KB of the chosen file in the browser and detects its export from the header
 * (the server detects it again; this is only a preview). A known export is read by its column
 * names; any other CSV gets the mapping step: a column per field, date format, decimal separator.
 */
export function UploadForm({ slug, currency }: { slug: string; currency: string }) {
  const [state, action, pending] = useActionState<ActionState<ImportFileResult>, FormData>(importTransactionsAction.bind(null, slug), idle);
  const [layout, setLayout] = useState<FileLayout | null>(null);
  const [preset, setPreset] = useState<Preset | null>(null);
  const [choice, setChoice] = useState<MappingChoice>({ mapping: {}, dateFormat: 'auto', decimal: 'auto' });

  useEffect(() => {
    if (state.status === 'success') setLayout(null);
  }, [state]);

  async function onFileChange(file: File | undefined) {
    if (!file) return setLayout(null);
    const detected = detectLayout(await file.slice(0, SAMPLE_BYTES).text());
    const guessed = guessMapping(detected);
    setLayout(detected);
    setPreset(detectPreset(detected.sampleRows[0] ?? [], detected.delimiter));
    const dateFormat = guessed.date === undefined ? 'auto' : guessDateFormat(detected.preview.map((r) => r[guessed.date!] ?? ''));
    setChoice({ mapping: guessed, dateFormat, decimal: 'auto' });
  }

  const isGeneric = preset?.name === 'generic';
  const missing = isGeneric ? REQUIRED_FIELDS.filter((f) => choice.mapping[f] === undefined) : [];

  return (
    <form action={action} className="space-y-4">
      <label className="block text-sm font-medium">
        Orders file (Shopify, Stripe, WooCommerce, Online Retail, CDNOW or any CSV; up to 10 MB)
        <input name="file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" required onChange={(e) => onFileChange(e.target.files?.[0])}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-indigo-700" />
      </label>
      {layout && preset && (
        <>
          <input type="hidden" name="delimiter" value={layout.delimiter} />
          <div className="flex flex-wrap items-center gap-4 text-sm text-slate-700">
            <span data-testid="detected-preset">Detected: <strong>{preset.label}</strong></span>
            <span>Separator: <strong>{DELIMITER_LABELS[layout.delimiter]}</strong></span>
            {isGeneric ? (
              <label className="flex items-center gap-2">
                <input type="checkbox" name="hasHeader" value="true" checked={layout.hasHeader} onChange={(e) => setLayout(withHeader(layout, e.target.checked))} />
                First row is a header
              </label>
            ) : (
              <input type="hidden" name="hasHeader" value="true" />
            )}
          </div>
          {isGeneric && <MappingPreview layout={layout} mapping={choice.mapping} />}
          <div className="grid gap-3 sm:grid-cols-3">
            {isGeneric && <MappingFields layout={layout} choice={choice} onChange={setChoice} />}
            <label className="block text-sm font-medium">
              Currency {isGeneric || preset.name === 'cdnow' ? 'of the amounts' : 'where the file names none'}
              <input name="currency" defaultValue={currency} maxLength={3} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5" />
            </label>
          </div>
          <p className="text-xs text-slate-500">
            {isGeneric
              ? 'A negative amount is a refund. Every row must be valid: a file with any bad row imports nothing.'
              : 'Columns are read by their names. Rows that are not sales (failed, pending, cancelled…) are left out and listed in the report.'}
          </p>
        </>
      )}
      <FormMessage state={state} />
      {state.status === 'success' && state.data?.report && <ImportReport report={state.data.report} />}
      <button type="submit" disabled={pending || !layout || missing.length > 0}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        {pending ? 'Importing…' : 'Import'}
      </button>
      {layout && missing.length > 0 && <p className="text-sm text-amber-700">Choose a column for: {missing.map((f) => FIELD_LABELS[f]).join(', ')}.</p>}
    </form>
  );
}

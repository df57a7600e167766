'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { detectLayout, guessDateFormat, guessMapping, withHeader, type FileLayout } from '@/lib/csv/detect';
import { FIELD_LABELS, REQUIRED_FIELDS } from '@/lib/csv/fields';
import { fail, idle, ok, type ActionState } from '@/lib/action-state';
import { detectPreset } from '@/lib/imports/presets/detect-preset';
import type { Preset } from '@/lib/imports/presets/types';
import { MAX_UPLOAD_BYTES } from '@/lib/imports/upload-limits';
import { importTransactionsSchema } from '@/lib/validation/imports';
import { CurrencyField } from './currency-field';
import { MappingFields, type MappingChoice } from './mapping-fields';
import { MappingPreview } from './mapping-preview';
import { uploadFile } from './upload-file';

const SAMPLE_BYTES = 64 * 1024;
/** A small file is checked within a second; the notice stays this long so that it can be read rather than flash. */
const MIN_NOTICE_MS = 2500;
const DELIMITER_LABELS: Record<FileLayout['delimiter'], string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab', whitespace: 'Spaces (CDNOW)' };

/**
 * Reads the first 64 KB of the chosen file in the browser and detects its export from the header
 * (the server detects it again; this is only a preview). A known export is read by its column
 * names; any other CSV gets the mapping step: a column per field, date format, decimal separator.
 * Then the file's bytes go to the upload route and a background job checks them (the import card
 * below shows its progress). The form is not a form action, so a refused upload keeps the file
 * and the mapping. "Checking it now" is cleared once the server reports the check done (`importStatuses`,
 * refreshed by the import card when the job moves on), so it never contradicts the card.
 */
export function UploadForm({ slug, currency, importStatuses }: { slug: string; currency: string; importStatuses: Record<string, string> }) {
  const router = useRouter();
  const [state, setState] = useState<ActionState>(idle);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [layout, setLayout] = useState<FileLayout | null>(null);
  const [preset, setPreset] = useState<Preset | null>(null);
  const [choice, setChoice] = useState<MappingChoice>({ mapping: {}, dateFormat: 'auto', decimal: 'auto' });
  const [notice, setNotice] = useState<{ importId: string; shownAt: number } | null>(null);
  const pending = uploaded !== null;

  const noticeStatus = notice ? importStatuses[notice.importId] : undefined;
  const isChecked = noticeStatus !== undefined && noticeStatus !== 'queued' && noticeStatus !== 'checking';
  useEffect(() => {
    if (!notice || !isChecked) return;
    const timer = setTimeout(() => { setState(idle); setNotice(null); }, Math.max(0, notice.shownAt + MIN_NOTICE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [notice, isChecked]);

  async function onFileChange(file: File | undefined) {
    setState(idle);
    setNotice(null);
    if (!file) return setLayout(null);
    const detected = detectLayout(await file.slice(0, SAMPLE_BYTES).text(), undefined, file.size <= SAMPLE_BYTES);
    const guessed = guessMapping(detected);
    setLayout(detected);
    setPreset(detectPreset(detected.sampleRows[0] ?? [], detected.delimiter));
    const dateFormat = guessed.date === undefined ? 'auto' : guessDateFormat(detected.preview.map((r) => r[guessed.date!] ?? ''));
    setChoice({ mapping: guessed, dateFormat, decimal: 'auto' });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const element = event.currentTarget;
    const form = new FormData(element);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setState(fail('Choose a non-empty CSV file to upload.'));
    if (file.size > MAX_UPLOAD_BYTES) {
      return setState(fail(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the upload limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`));
    }
    const options: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (key !== 'file' && key !== 'autoCommit' && typeof value === 'string') options[key] = value;
    // The route checks the same schema; here a bad currency code gets its own words before the upload.
    const checked = importTransactionsSchema.safeParse(options);
    if (!checked.success) return setState(fail(checked.error.issues[0]!.message));
    setUploaded(0);
    const result = await uploadFile({ slug, file, options, autoCommit: form.get('autoCommit') === 'on', onProgress: setUploaded });
    setUploaded(null);
    if (!result.ok) return setState(fail(result.error));
    setState(ok(`Uploaded ${file.name}: its check and report are below.`));
    setNotice({ importId: result.importId, shownAt: Date.now() });
    element.reset();
    setLayout(null);
    router.refresh();
  }

  const isGeneric = preset?.name === 'generic';
  const missing = isGeneric ? REQUIRED_FIELDS.filter((f) => choice.mapping[f] === undefined) : [];

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <label className="block text-sm font-medium">
        Orders file (Shopify, Stripe, WooCommerce, Online Retail, CDNOW or any CSV; up to {MAX_UPLOAD_BYTES / 1024 / 1024} MB)
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
            {preset.currencyFrom === null ? <CurrencyField reportingCurrency={currency} /> : (
              <p className="text-sm text-slate-700 sm:col-span-3" data-testid="currency-from">
                <input type="hidden" name="currency" value={currency} />
                Currency of the amounts: {preset.currencyFrom}.
              </p>
            )}
          </div>
          <p className="text-xs text-slate-500">
            {preset.readsByName
              ? 'Columns are read by their names. Rows that are not sales (failed, pending, cancelled…) are left out and listed in the report.'
              : isGeneric
                ? 'A negative amount is a refund. Every row must be valid: a file with any bad row imports nothing.'
                : 'Columns are read by position: customer id, date, CDs, dollars. Every row must be valid: a file with any bad row imports nothing.'}
          </p>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="autoCommit" />
            Import straight away when the check finds no problem (skip the review)
          </label>
        </>
      )}
      <FormMessage state={state} />
      <button type="submit" disabled={pending || !layout || missing.length > 0}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
        {pending ? `Uploading… ${uploaded}%` : 'Upload and check'}
      </button>
      {layout && missing.length > 0 && <p className="text-sm text-amber-700">Choose a column for: {missing.map((f) => FIELD_LABELS[f]).join(', ')}.</p>}
    </form>
  );
}

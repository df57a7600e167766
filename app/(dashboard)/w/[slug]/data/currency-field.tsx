'use client';

// Rendered only after a file is chosen (never on the server), so the runtime's list of codes
// cannot differ between server and browser.
const CURRENCY_CODES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];

/**
 * The currency of a file that names none (generic CSV, CDNOW): the workspace's by default. Another
 * currency is fine: the review then asks for its rate into the reporting currency.
 */
export function CurrencyField({ reportingCurrency }: { reportingCurrency: string }) {
  return (
    <label className="block text-sm font-medium">
      Currency of the amounts
      <input name="currency" defaultValue={reportingCurrency} list="currency-codes" required minLength={3} maxLength={3}
        pattern="[A-Za-z]{3}" aria-describedby="currency-hint" autoComplete="off"
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 uppercase" />
      <datalist id="currency-codes">{CURRENCY_CODES.map((code) => <option key={code} value={code} />)}</datalist>
      <span id="currency-hint" className="mt-1 block text-xs font-normal text-slate-500">
        ISO 4217 code. The workspace reports in {reportingCurrency}; amounts in another currency ask for a rate before the import.
      </span>
    </label>
  );
}

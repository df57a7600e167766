import { expect, test } from '@playwright/test';
import { createWorkspace, formMessage, importCard, signUp } from './helpers';

/**
 * A generic CSV in EUR into a USD workspace, at 1 EUR = 1.085 USD (both currencies 2 digits),
 * each row converted on its own and rounded half away from zero:
 *
 *   e1  10.00 EUR → 1085 ¢      1.00 EUR → 108.5 → 109 ¢
 *   e2  25.99 EUR → 2819.915 → 2820 ¢   refund 5.00 EUR → 542.5 → 543 ¢
 *
 *   original net = 10.00 + 1.00 + 25.99 − 5.00 = €31.99
 *   converted    = 10.85 + 1.09 + 28.20 − 5.43 = $34.71   (3 orders, 1 refund, 2 customers)
 */
const EUR_CSV = ['customer_id,date,amount', 'e1,2024-01-05,10.00', 'e1,2024-02-10,1.00', 'e2,2024-01-20,25.99', 'e2,2024-03-01,-5.00'].join('\n') + '\n';

test('a file in EUR asks for a rate, imports converted and keeps the original totals beside them', async ({ page }) => {
  await signUp(page, 'currency');
  const slug = await createWorkspace(page, 'Currency');

  await page.goto(`/w/${slug}/data`);
  await page.locator('input[name="file"]').setInputFiles({ name: 'eur.csv', mimeType: 'text/csv', buffer: Buffer.from(EUR_CSV) });
  await expect(page.getByTestId('upload-preview')).toBeVisible();
  const currency = page.getByLabel('Currency of the amounts');
  await expect(currency).toHaveValue('USD');
  await currency.fill('EUR');
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(formMessage(page, 'status')).toHaveText('Uploaded eur.csv: its check and report are below.');

  // The review: exact counts, the file's own total, and no dollar total until the rate is given.
  const card = importCard(page, 'eur.csv');
  await expect(card.getByTestId('import-status')).toHaveText('Checked: review and import');
  await expect(card.getByTestId('preview-orders')).toHaveText('3');
  await expect(card.getByTestId('preview-refunds')).toHaveText('1');
  await expect(card.getByTestId('preview-net')).toHaveText('in USD once the rates are entered');
  const eur = card.getByTestId('currency-total-EUR');
  await expect(eur.getByTestId('original-total')).toHaveText('€31.99');
  await expect(eur.getByTestId('converted-total')).toHaveText('after the rate');

  // Without a rate the browser will not submit (required); a comma is refused by the server.
  const rate = card.getByLabel('1 EUR = ? USD');
  await rate.fill('1,085');
  await card.getByRole('button', { name: 'Import 3 orders and 1 refund' }).click();
  await expect(card.getByText('Use a point for the decimals, e.g. 1.085')).toBeVisible();
  await expect(card.getByTestId('import-status')).toHaveText('Checked: review and import');

  await card.getByLabel('1 EUR = ? USD').fill('1.085');
  await card.getByRole('button', { name: 'Import 3 orders and 1 refund' }).click();
  await expect(card.getByTestId('import-status')).toHaveText('Imported');
  await expect(card.getByTestId('import-summary')).toHaveText(
    'Imported eur.csv: 4 rows read → 3 orders and 1 refund added, 0 already imported; 2 customers (2 new); net $34.71 in the file.',
  );
  await expect(eur.getByTestId('original-total')).toHaveText('€31.99');
  await expect(eur.getByTestId('rate')).toHaveText('1 EUR = 1.085 USD');
  await expect(eur.getByTestId('converted-total')).toHaveText('$34.71');
  await expect(card.getByTestId('converted-grand-total')).toHaveText('$34.71');

  const history = page.getByTestId('import-history').locator('tbody tr').first();
  await expect(history.getByTestId('history-net')).toContainText('$34.71');
  await expect(history.getByTestId('history-conversion')).toHaveText('€31.99 at 1.085 → $34.71');

  // The metrics are in dollars; each order keeps its euros.
  await page.goto(`/w/${slug}`);
  await expect(page.getByTestId('kpi-net-revenue')).toHaveText('$34.71');
  await page.goto(`/w/${slug}/customers`);
  await page.getByRole('link', { name: 'e2', exact: true }).click();
  await expect(page.getByText('$28.20 (€25.99)')).toBeVisible();
  await expect(page.getByText('-$5.43 (-€5.00) (refund)')).toBeVisible();
});

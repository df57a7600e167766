import { expect, test } from '@playwright/test';
import { createWorkspace, formMessage, importCard, signUp } from './helpers';

// Forms posted before JavaScript has loaded (or without it) must still get their answer. A form
// whose server action was bound in a client component never did: the server re-rendered the page
// forever (vercel/next.js#57867; lib/action-state.ts FormAction). These post refused values with
// JavaScript off and expect the server's message back.

test('without JavaScript, a refused exchange rate and a refused setting come back as messages', async ({ browser, page }) => {
  await signUp(page, 'nojs');
  const slug = await createWorkspace(page, 'No JS');
  await page.goto(`/w/${slug}/data`);
  await page.locator('input[name="file"]').setInputFiles({ name: 'eur.csv', mimeType: 'text/csv', buffer: Buffer.from('customer_id,date,amount\ne1,2024-01-05,10.00\n') });
  await page.getByLabel('Currency of the amounts').fill('EUR');
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(formMessage(page, 'status')).toHaveText('Uploaded eur.csv: its check and report are below.');
  await expect(importCard(page, 'eur.csv').getByTestId('import-status')).toHaveText('Checked: review and import');

  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const plain = await noScript.newPage();
    await plain.goto(`/w/${slug}/data`);
    // The upload itself is scripted: the page says so in a <noscript> instead of showing a dead button.
    // (Playwright turns off script execution but not the parser's scripting flag, so the note is
    // checked in the served HTML rather than on screen.)
    expect(await plain.content()).toMatch(/<noscript>[^]*Uploading, importing and deleting imports need JavaScript, which is off in this browser\.[^]*<\/noscript>/);
    const card = importCard(plain, 'eur.csv');
    await card.getByLabel('1 EUR = ? USD').fill('1,085');
    await card.getByRole('button', { name: 'Import 1 order and 0 refunds' }).click();
    await expect(importCard(plain, 'eur.csv').getByText('Use a point for the decimals, e.g. 1.085')).toBeVisible();

    await plain.goto(`/w/${slug}/settings/workspace`);
    await plain.getByLabel('Gross margin (%)').fill('abc');
    await plain.getByRole('button', { name: /save/i }).click();
    await expect(plain.getByText('Please correct the highlighted fields.')).toBeVisible();
  } finally {
    await noScript.close();
  }
});

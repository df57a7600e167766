import { expect, test } from '@playwright/test';
import { createWorkspace, importCard, signUp, uploadCsv } from './helpers';

/**
 * 300,000 rows (≈ 7 MB): 30,000 customers k0…k29999 with ten $1.25 orders each, on days spread over
 * 2024 — so 300,000 orders, $375,000.00. Large enough that checking it takes seconds, which
 * leaves time to reload the page or cancel while the job runs.
 */
function largeCsv(): string {
  const lines = ['customer_id,date,amount'];
  for (let i = 0; i < 300_000; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 360) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`k${i % 30_000},${day},1.25`);
  }
  return `${lines.join('\n')}\n`;
}

test.describe.configure({ timeout: 180_000 });

test('the progress of a large import survives a reload, then it commits and shows the totals', async ({ page }) => {
  await signUp(page, 'large');
  const slug = await createWorkspace(page, 'Large');
  await uploadCsv(page, slug, 'large.csv', largeCsv());

  // Reload while the background job reads the file: the card comes back from the import's row.
  await page.reload();
  const card = importCard(page, 'large.csv');
  const bar = card.getByRole('progressbar', { name: 'Import progress' });
  await expect(card.getByTestId('import-status')).toHaveText(/Waiting to start|Checking the file/);
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);

  await expect(card.getByTestId('import-status')).toHaveText('Checked: review and import', { timeout: 120_000 });
  await expect(card.getByTestId('preview-rows')).toHaveText('300,000');
  await expect(card.getByTestId('preview-orders')).toHaveText('300,000');
  await expect(card.getByTestId('preview-customers')).toHaveText('30,000 (30,000)');
  await expect(card.getByTestId('preview-net')).toHaveText('$375,000.00');
  await card.getByRole('button', { name: 'Import 300,000 orders and 0 refunds' }).click();
  await expect(card.getByTestId('import-status')).toHaveText('Imported', { timeout: 120_000 });

  await page.goto(`/w/${slug}`);
  await expect(page.getByTestId('kpi-orders')).toHaveText('300,000');
  await expect(page.getByTestId('kpi-net-revenue')).toHaveText('$375,000.00');
});

test('cancelling while the file is checked writes nothing', async ({ page }) => {
  await signUp(page, 'cancel');
  const slug = await createWorkspace(page, 'Cancel');
  const card = await uploadCsv(page, slug, 'large.csv', largeCsv(), { autoCommit: true });
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByTestId('import-status')).toHaveText('Cancelled', { timeout: 60_000 });
  await expect(page.getByTestId('import-history').locator('tbody tr').first()).toContainText('cancelled');
  await page.goto(`/w/${slug}`);
  await expect(page.getByText('No orders yet.')).toBeVisible();
});

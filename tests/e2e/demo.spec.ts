import { expect, test } from '@playwright/test';
import { DEMO, expectKpis, signIn } from './helpers';

// Read-only: the seeded CDNOW demo (CDNOW_master, 69,659 lines), checked against the figures in issue 2;
// predictions from the model run the seed makes (db/seed-demo.ts).
test('the demo user sees the CDNOW numbers, all time and for Q1 1997', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  // The demo user has one workspace, so /w goes straight to it.
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.slug}$`));
  await expect(page.getByTestId('period-heading')).toHaveText('All time');
  await expectKpis(page, { customers: '23,570', orders: '69,659', netRevenue: '$2,500,315.63', aov: '$35.89', frequency: '2.955' });

  await page.getByRole('tab', { name: 'Quarter' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.slug}\\?by=quarter$`));
  await expect(page.getByRole('tab', { name: 'Quarter' })).toHaveAttribute('aria-selected', 'true');
  await page.locator('select#period').selectOption('1997-Q1');
  await expect(page).toHaveURL(/[?&]by=quarter&period=1997-Q1$/);
  await expect(page.getByTestId('period-heading')).toHaveText('Q1 1997');
  await expectKpis(page, { customers: '23,570', orders: '31,798', netRevenue: '$1,071,805.47', aov: '$33.71', frequency: '1.349' });
});

test('the demo shows a completed model run, predicted CLV and a customer P(alive)', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.slug}$`));
  await expect(page.getByTestId('model-status')).toHaveText('Completed');
  // All 23,570 customers, calibrated to the last order day of CDNOW (1998-06-30).
  await expect(page.getByTestId('model-details')).toContainText('MBG/NBD fitted');
  await expect(page.getByTestId('model-details')).toContainText('on 23,570 customers with data to 1998-06-30');
  await expect(page.getByTestId('kpi-predicted-clv')).toHaveText(/^\$[1-9]\d{0,2}(,\d{3})*\.\d{2}$/);
  await expect(page.getByTestId('kpi-predicted-clv-mean')).toHaveText(/^\$\d+\.\d{2}$/);
  await expect(page.getByTestId('kpi-at-risk')).toHaveText(/^\d{1,3}\.\d%$/);
  // The backtest halves the history: the 39 + 39 weeks of Fader, Hardie & Lee (2005).
  await expect(page.getByText('fitted to 1997-09-30 and checked to 1998-06-30', { exact: false })).toBeVisible();
  await expect(page.getByTestId('kpi-backtest-mae')).toHaveText(/^\d+\.\d{2}$/);

  // The customer with the highest predicted CLV, from the customers list sorted by it.
  await page.goto(`/w/${DEMO.slug}/customers?sort=clv&dir=desc`);
  await page.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.slug}/customers/\\d+$`));
  await expect(page.getByTestId('customer-p-alive')).toHaveText(/^\d{1,3}\.\d%$/);
  await expect(page.getByTestId('customer-predicted-clv')).toHaveText(/^\$[1-9][\d,]*\.\d{2}$/);
  await expect(page.getByTestId('customer-expected-purchases')).toHaveText(/^\d+\.\d{2}$/);
});

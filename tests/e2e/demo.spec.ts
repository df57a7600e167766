import { expect, test } from '@playwright/test';
import { DEMO, expectKpis, signIn } from './helpers';

// Read-only: the seeded CDNOW demo (CDNOW_master, 69,659 lines), checked against the figures in issue 2.
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

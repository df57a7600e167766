import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** The seeded demo account and workspace (db/seed-demo.ts). */
export const DEMO = { email: 'demo@worthwise.test', password: 'worthwise-demo', slug: 'cdnow-demo' } as const;

export const PASSWORD = 'e2e-password-1234';

/** A short suffix that keeps names unique across tests and repeated runs on the same database. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** Signs up through the real form; the app signs the new account in and lands on /w. */
export async function signUp(page: Page, label: string): Promise<{ email: string }> {
  const email = `e2e-${label}-${uniqueSuffix()}@worthwise.test`;
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(`E2E ${label}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/w(\?|$)/);
  await expect(page.getByTestId('current-user')).toHaveText(email);
  return { email };
}

/** Signs in through the real form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Creates a workspace from /w?all=1; the app redirects to its data page. Returns the slug. */
export async function createWorkspace(page: Page, label: string): Promise<string> {
  await page.goto('/w?all=1');
  await page.getByLabel('Workspace name').fill(`E2E ${label} ${uniqueSuffix()}`);
  await page.getByLabel('Reporting currency').fill('USD');
  await page.getByLabel('Time zone').fill('UTC');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/w\/[^/?]+\/data$/);
  return new URL(page.url()).pathname.split('/')[2]!;
}

/**
 * Chooses a CSV in the upload form (from a buffer, no temp file), waits until the browser has read
 * its header and shown the preview and mapping, then uploads it for the check (and, with
 * `autoCommit`, the import straight after). Returns the card of the new import.
 */
export async function uploadCsv(page: Page, slug: string, name: string, csv: string, options: { autoCommit?: boolean } = {}) {
  await page.goto(`/w/${slug}/data`);
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('upload-preview')).toBeVisible();
  if (options.autoCommit) await page.getByLabel(/Import straight away/).check();
  const uploadButton = page.getByRole('button', { name: 'Upload and check' });
  await expect(uploadButton).toBeEnabled();
  await uploadButton.click();
  await expect(formMessage(page, 'status')).toHaveText(`Uploaded ${name}: its check and report are below.`);
  return importCard(page, name);
}

/** The progress card of the newest import of `fileName` on the data page. */
export function importCard(page: Page, fileName: string) {
  return page.getByRole('region', { name: `Import of ${fileName}` }).first();
}

/**
 * The result box of a form (role=alert or role=status, from FormMessage). Scoped to the form:
 * Next's route announcer is also an (empty) role=alert on every page.
 */
export function formMessage(page: Page, role: 'alert' | 'status') {
  return page.locator('form').getByRole(role);
}

export type Kpis = {
  customers: string;
  orders: string;
  netRevenue: string;
  aov: string;
  frequency: string;
  customerValue?: string;
  repeatRate?: string;
  meanClv?: string;
};

const KPI_TEST_IDS: Record<keyof Kpis, string> = {
  customers: 'kpi-customers',
  orders: 'kpi-orders',
  netRevenue: 'kpi-net-revenue',
  aov: 'kpi-aov',
  frequency: 'kpi-frequency',
  customerValue: 'kpi-customer-value',
  repeatRate: 'kpi-repeat-rate',
  meanClv: 'kpi-mean-clv',
};

/** Asserts the exact text of each KPI card given. */
export async function expectKpis(page: Page, kpis: Kpis): Promise<void> {
  for (const [key, value] of Object.entries(kpis) as [keyof Kpis, string | undefined][]) {
    if (value !== undefined) await expect(page.getByTestId(KPI_TEST_IDS[key]), key).toHaveText(value);
  }
}

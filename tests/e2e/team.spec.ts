import { expect, test, type Browser, type Page } from '@playwright/test';
import { expireInvitation } from './db';
import { createWorkspace, formMessage, PASSWORD, signUp, uniqueSuffix, uploadCsv } from './helpers';

/**
 * The invitee has no account yet: in a browser of their own they open the link, sign up from it,
 * come back to it and accept; they land in the workspace.
 */
async function acceptAsNewAccount(browser: Browser, invitePath: string, email: string, slug: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(invitePath);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(new RegExp(`${invitePath}$`));
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  return page;
}

const INVALID = 'This invitation link is not valid: it may have expired, been used or been revoked. Ask for a new one.';
// Customer ids that are e-mail addresses: a viewer must never see them.
const CSV = 'customer_id,date,amount\nalice@shop.test,2024-01-05,10.00\nbob@shop.test,2024-01-06,20.00\n';

/** Invites `email` as `role` from the members page; without SMTP the page shows the link. */
async function invite(page: Page, slug: string, email: string, role = 'viewer'): Promise<string> {
  await page.goto(`/w/${slug}/settings/members`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(formMessage(page, 'status')).toHaveText(`No e-mail is configured: send ${email} this link yourself.`);
  const link = await page.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return new URL(link).pathname;
}

/** What a fresh, signed-out browser sees at `path`. */
async function invitationPageText(browser: Browser, path: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  const text = await page.getByTestId('invitation-invalid').textContent();
  await context.close();
  return text ?? '';
}

test('an invited viewer sees metrics but no customer e-mails and cannot export until promoted', async ({ page, browser }) => {
  await signUp(page, 'team-owner');
  const slug = await createWorkspace(page, 'Team');
  const card = await uploadCsv(page, slug, 'orders.csv', CSV, { autoCommit: true });
  await expect(card.getByTestId('import-summary')).toContainText('Imported orders.csv');

  const inviteeEmail = `e2e-invitee-${uniqueSuffix()}@worthwise.test`;
  const invitePath = await invite(page, slug, inviteeEmail);
  await expect(page.getByTestId(`invitation-${inviteeEmail}`)).toContainText('viewer');

  const invitee = await acceptAsNewAccount(browser, invitePath, inviteeEmail, slug);
  await expect(invitee.getByTestId('kpi-customers')).toHaveText('2');

  await invitee.goto(`/w/${slug}/customers`);
  await expect(invitee.getByTestId('customer-label')).toHaveCount(2);
  await expect(invitee.getByText('@shop.test')).toHaveCount(0);
  await expect(invitee.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
  // Hiding the button is not the protection: the server refuses the URL itself.
  expect((await invitee.request.get(`/w/${slug}/customers/export`, { maxRedirects: 0 })).status()).toBe(404);

  // The owner promotes the invitee to analyst; now the export works.
  await page.goto(`/w/${slug}/settings/members`);
  const row = page.getByTestId(`member-${inviteeEmail}`);
  await row.getByLabel(`Role of ${inviteeEmail}`).selectOption('analyst');
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(row.getByRole('status')).toHaveText('Role changed to analyst.');

  await invitee.goto(`/w/${slug}/customers`);
  await expect(invitee.getByRole('link', { name: 'alice@shop.test' })).toBeVisible();
  const exportLink = invitee.getByRole('link', { name: 'Export CSV' });
  const response = await invitee.request.get((await exportLink.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="${slug}-customers.csv"`);
  expect((await response.text()).split('\r\n').slice(1, 3).map((l) => l.split(',')[0])).toEqual(['bob@shop.test', 'alice@shop.test']);
  await invitee.context().close();

  // Used, revoked and expired links all say the same thing.
  const used = await invitationPageText(browser, invitePath);
  const revokedEmail = `e2e-revoked-${uniqueSuffix()}@worthwise.test`;
  const revokedPath = await invite(page, slug, revokedEmail);
  await page.reload();
  await page.getByTestId(`invitation-${revokedEmail}`).getByRole('button', { name: 'Revoke' }).click();
  // A revoked invitation is no longer pending, so its row leaves the list.
  await expect(page.getByTestId(`invitation-${revokedEmail}`)).toHaveCount(0);
  const revoked = await invitationPageText(browser, revokedPath);
  const expiredEmail = `e2e-expired-${uniqueSuffix()}@worthwise.test`;
  const expiredPath = await invite(page, slug, expiredEmail);
  await expireInvitation(expiredEmail);
  const expired = await invitationPageText(browser, expiredPath);
  expect([used, revoked, expired]).toEqual([INVALID, INVALID, INVALID]);

  // The audit trail shows the invitation, the role change and the export.
  await page.goto(`/w/${slug}/settings/audit`);
  const audit = page.getByTestId('audit-events');
  await expect(audit.locator('tr[data-action="invitation_sent"]').filter({ hasText: inviteeEmail })).toHaveCount(1);
  await expect(audit.locator('tr[data-action="invitation_accepted"]').filter({ hasText: inviteeEmail })).toHaveCount(1);
  await expect(audit.locator('tr[data-action="member_role_changed"]')).toContainText(`${inviteeEmail}: viewer → analyst`);
  await expect(audit.locator('tr[data-action="export"]')).toContainText('customers (sorted by net desc): 2 rows');
  await expect(audit.locator('tr[data-action="export"]')).toContainText(inviteeEmail);
  await expect(audit.locator('tr[data-action="invitation_revoked"]')).toContainText(revokedEmail);
});

test('an owner hands the workspace over to a member and becomes an admin', async ({ page, browser }) => {
  await signUp(page, 'transfer-owner');
  const slug = await createWorkspace(page, 'Transfer');
  const memberEmail = `e2e-new-owner-${uniqueSuffix()}@worthwise.test`;
  const invitePath = await invite(page, slug, memberEmail, 'analyst');

  const member = await acceptAsNewAccount(browser, invitePath, memberEmail, slug);

  await page.goto(`/w/${slug}/settings/members`);
  const transfer = page.getByTestId('transfer-ownership');
  const name = (await transfer.locator('strong').textContent())!;
  await transfer.getByLabel('New owner').selectOption({ label: `${memberEmail} (analyst)` });
  await transfer.getByLabel(/to confirm/).fill(`${name} typo`);
  await transfer.getByRole('button', { name: 'Transfer ownership' }).click();
  await expect(transfer.getByRole('alert')).toHaveText(`Type "${name}" exactly to transfer it.`);
  await expect(page.getByTestId('own-role')).toHaveText('owner');

  await transfer.getByLabel('New owner').selectOption({ label: `${memberEmail} (analyst)` });
  await transfer.getByLabel(/to confirm/).fill(name);
  await transfer.getByRole('button', { name: 'Transfer ownership' }).click();
  await expect(page.getByTestId('ownership-transferred')).toHaveText(`Ownership transferred: you are now an admin of ${name}.`);
  await expect(page.getByTestId('own-role')).toHaveText('admin');
  await expect(page.getByTestId(`member-${memberEmail}`).getByTestId('member-role')).toHaveText('owner');
  await expect(page.getByTestId('transfer-ownership')).toHaveCount(0);

  // The new owner sees the transfer form; the audit trail names both sides.
  await member.goto(`/w/${slug}/settings/members`);
  await expect(member.getByTestId('own-role')).toHaveText('owner');
  await expect(member.getByTestId('transfer-ownership')).toBeVisible();
  await page.goto(`/w/${slug}/settings/audit`);
  await expect(page.getByTestId('audit-events').locator('tr[data-action="ownership_transferred"]'))
    .toContainText(`${memberEmail}: analyst → owner; the previous owner is now admin`);
  await member.context().close();
});

test('the 6th wrong password in a minute is throttled, with the same message for an unknown e-mail', async ({ page }) => {
  const { email } = await signUp(page, 'throttle');
  await page.context().clearCookies();
  // An address of its own, so repeated runs do not use up the shared per-IP allowance of the other tests.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 254) + 1}` });
  const messages = async (address: string) => {
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.goto('/sign-in');
      await page.getByLabel('E-mail').fill(address);
      await page.getByLabel('Password').fill(`wrong-password-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      seen.push((await formMessage(page, 'alert').textContent()) ?? '');
    }
    return seen;
  };
  const known = await messages(email);
  expect(known.slice(0, 5)).toEqual(Array(5).fill('Wrong e-mail or password.'));
  expect(known[5]).toBe('Too many sign-in attempts. Wait a few minutes and try again.');
  expect(await messages(`e2e-nobody-${uniqueSuffix()}@worthwise.test`)).toEqual(known);
});

test('the session cookie is httpOnly and SameSite=Lax', async ({ page }) => {
  await signUp(page, 'cookie');
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  // Secure (and the __Secure- prefix) come with https, which Auth.js detects from the URL; this server is http.
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
});

import { expect, test } from '@playwright/test';
import { createWorkspace, DEMO, formMessage, signIn, signUp } from './helpers';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, DEMO.email, 'not-the-demo-password');
  await expect(formMessage(page, 'alert')).toHaveText('Wrong e-mail or password.');
  await expect(page).toHaveURL(/\/sign-in/);
  // The password is never sent back into the form.
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('a member of another workspace gets 404 on the demo workspace', async ({ page }) => {
  await signUp(page, 'outsider');
  const slug = await createWorkspace(page, 'Outsider');
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/data$`));

  for (const path of [`/w/${DEMO.slug}`, `/w/${DEMO.slug}/customers`, `/w/${DEMO.slug}/data`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText('23,570')).toHaveCount(0);
  }
  // Straight to the server with the session cookie, not through the UI.
  const direct = await page.request.get(`/w/${DEMO.slug}`, { maxRedirects: 0 });
  expect(direct.status()).toBe(404);
});

test('signed out, the demo workspace redirects to sign-in', async ({ page }) => {
  await page.goto(`/w/${DEMO.slug}/customers?sort=orders`);
  await expect(page).toHaveURL(/\/sign-in\?/);
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(`/w/${DEMO.slug}/customers?sort=orders`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // Signing in from there comes back to the page that was asked for.
  await page.getByLabel('E-mail').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.slug}/customers\\?sort=orders$`));
});

import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { createAccount, rootApi } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { addVirtualAuthenticator, appCode } from './support/factors';


async function passwordStep(page: Page, account: { email: string; password: string }) {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
}

test('an authenticator app set up from the QR page is asked for after the password; a recovery code works once', async ({ page, baseURL }) => {
  const account = await createAccount(baseURL!, 'project_user', 'Tess Totp');
  await passwordStep(page, account);
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  await page.getByRole('button', { name: /Tess Totp/ }).click();
  await page.getByRole('menuitem', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sessions' })).toContainText('This session');

  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  const setup = page.getByRole('dialog', { name: 'Set up an authenticator app' });
  await expect(setup.getByRole('img', { name: 'QR code for the authenticator app' })).toBeVisible();
  const secret = await setup.getByRole('textbox', { name: 'Setup key' }).inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await setup.getByRole('textbox', { name: 'Then enter the 6-digit code the app shows' }).fill(appCode(secret));
  await setup.getByRole('button', { name: 'Verify and turn on' }).click();
  const saved = page.getByRole('dialog', { name: 'Save your recovery codes' });
  await expect(saved.getByRole('listitem')).toHaveCount(10);
  const codes = await saved.getByRole('listitem').allTextContents();
  await saved.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText('10 recovery codes left')).toBeVisible();

  await signOut(page, 'Tess Totp');
  await passwordStep(page, account);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const code = page.getByRole('textbox', { name: 'Authentication code' });
  await code.fill(appCode(secret, 5));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not valid.');
  // This step's code turned it on and is spent; the next step's (one step of drift) signs in.
  await code.fill(appCode(secret, 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();

  await signOut(page, 'Tess Totp');
  await passwordStep(page, account);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  await page.goto('/security');
  await expect(page.getByText('9 recovery codes left')).toBeVisible();
});

test('"Require two-factor authentication" sends an account without one to set it up before anything else', async ({ page, baseURL }) => {
  const account = await createAccount(baseURL!, 'project_admin', 'Pat Policy');
  const api = await rootApi(baseURL!);
  expect((await api.put('/api/console/settings/two-factor-policy', { data: { policy: 'everyone' } })).status()).toBe(200);
  try {
    await passwordStep(page, account);
    await expect(page).toHaveURL(/\/security$/);
    await expect(page.getByRole('status')).toContainText('Your organisation requires two-factor authentication');
    await expectNoSeriousA11yViolations(page);
    await page.goto('/deployments');
    await expect(page).toHaveURL(/\/security$/);
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    const setup = page.getByRole('dialog', { name: 'Set up an authenticator app' });
    const secret = await setup.getByRole('textbox', { name: 'Setup key' }).inputValue();
    await setup.getByRole('textbox', { name: 'Then enter the 6-digit code the app shows' }).fill(appCode(secret));
    await setup.getByRole('button', { name: 'Verify and turn on' }).click();
    await page.getByRole('dialog', { name: 'Save your recovery codes' }).getByRole('button', { name: 'I have saved them' }).click();
    await page.getByRole('link', { name: 'Deployments' }).click();
    await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  } finally {
    // Every other test signs in with a password alone.
    expect((await api.put('/api/console/settings/two-factor-policy', { data: { policy: 'off' } })).status()).toBe(200);
    await api.dispose();
  }
});

test('a passkey made with a virtual authenticator is the second step, and signs in without a password', async ({ page, baseURL }) => {
  // WebAuthn takes no IP address as the site's name: the same server, as localhost.
  const site = baseURL!.replace('127.0.0.1', 'localhost');
  const account = await createAccount(baseURL!, 'auditor', 'Pia Passkey');
  await addVirtualAuthenticator(page);

  await page.goto(`${site}/`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  await page.goto(`${site}/security`);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  const add = page.getByRole('dialog', { name: 'Add a passkey' });
  await add.getByRole('textbox', { name: 'Name' }).fill('Work laptop');
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  // The first factor comes with recovery codes.
  const saved = page.getByRole('dialog', { name: 'Save your recovery codes' });
  await expect(saved.getByRole('listitem')).toHaveCount(10);
  await saved.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByRole('list', { name: 'Passkeys and security keys' })).toContainText('Work laptop');
  await expectNoSeriousA11yViolations(page);

  await signOut(page, 'Pia Passkey');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();

  await signOut(page, 'Pia Passkey');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Passkeys and security keys' })).toContainText('last used');
});

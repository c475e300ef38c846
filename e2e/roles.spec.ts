import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { createAccount, ROOT, signIn, uniqueEmail } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

async function openUserMenu(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('menu')).toBeVisible();
}

test('Root creates an Administrator and an Accountant on the Users page', async ({ page }) => {
  await signIn(page, ROOT);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  for (const [roleLabel, name] of [
    ['Administrator', 'Ada Admin'],
    ['Accountant', 'Cora Counts'],
  ] as const) {
    const email = uniqueEmail(roleLabel.toLowerCase());
    await page.getByRole('button', { name: 'New User' }).click();
    const dialog = page.getByRole('dialog', { name: 'New User' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: roleLabel });
    await dialog.getByRole('textbox', { name: 'Password' }).fill('initial password 123');
    if (roleLabel === 'Administrator') await expectNoSeriousA11yViolations(page, '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText(name);
    await expect(row.getByRole('combobox', { name: `Change role of ${name}` })).toHaveValue(
      roleLabel === 'Administrator' ? 'admin' : 'accountant',
    );
  }
});

test('an Accountant sees neither Users nor Platform API Key, and typed addresses show "no access"', async ({
  page,
  baseURL,
}) => {
  const accountant = await createAccount(baseURL!, 'accountant', 'Ann Accountant');
  await signIn(page, accountant);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Deployments' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await openUserMenu(page, 'Ann Accountant');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Platform API Key' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  for (const address of ['/users', '/platform-api-keys']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test('an Administrator reaches Users and the Platform API Key page from the menu', async ({ page, baseURL }) => {
  const admin = await createAccount(baseURL!, 'admin', 'Adam Admin');
  await signIn(page, admin);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' })).toBeVisible();
  await openUserMenu(page, 'Adam Admin');
  await page.getByRole('menuitem', { name: 'Platform API Key' }).click();
  await expect(page.getByRole('heading', { name: 'Platform API Key' })).toBeVisible();
});

test('an Auditor sees the Users page without any control to change it', async ({ page, baseURL }) => {
  const auditor = await createAccount(baseURL!, 'auditor', 'Audrey Auditor');
  await signIn(page, auditor);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: ROOT.email })).toBeVisible();
  await expect(page.getByText('You can view accounts but not change them.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New User' })).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Disable|Enable|Remove/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('sign-out ends the session', async ({ page, baseURL }) => {
  const user = await createAccount(baseURL!, 'project_user', 'Pat User');
  await signIn(page, user);
  await openUserMenu(page, 'Pat User');
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Keyward' })).toBeVisible();
  await page.goto('/projects');
  await expect(page.getByRole('heading', { name: 'Sign in to Keyward' })).toBeVisible();
});

test('a wrong password is refused with a message that does not say whether the email exists', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(ROOT.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('definitely the wrong one');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Incorrect email or password.');
});

test('the console speaks Simplified Chinese after the language switch', async ({ page, baseURL }) => {
  const admin = await createAccount(baseURL!, 'admin', 'Lin Admin');
  await signIn(page, admin);
  await openUserMenu(page, 'Lin Admin');
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '用户' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '部署' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('heading', { name: '部署' })).toBeVisible();
});

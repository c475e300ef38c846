import { expect, test } from '@playwright/test';
import { ROOT } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test('first start shows the setup screen, which creates the Root account and signs it in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Create the Root account' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('textbox', { name: 'Organization name', exact: true }).fill('Keyward E2E');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(ROOT.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ROOT.password);
  await page.getByRole('textbox', { name: 'Confirm password', exact: true }).fill('not the same password');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('The passwords do not match')).toBeVisible();

  await page.getByRole('textbox', { name: 'Confirm password', exact: true }).fill(ROOT.password);
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  await expect(page.getByRole('button', { name: ROOT.email })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Setup is over: a new visitor gets the sign-in page, never the setup screen again.
  await page.context().clearCookies();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Keyward' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

import { expect, test } from '@playwright/test';
import { ROOT, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test.use({ colorScheme: 'dark' });

test('the console in dark mode passes axe, dimmed text and key lists included', async ({ page }) => {
  await signIn(page, ROOT);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoSeriousA11yViolations(page);
  await page.goto('/platform-api-keys');
  await expect(page.getByRole('heading', { name: 'Platform API Key', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/api-keys');
  await expect(page.getByRole('heading', { name: 'API Keys', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/audit-log');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

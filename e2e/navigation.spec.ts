import { expect, test } from '@playwright/test';
import { ROOT, signIn } from './support/accounts';

/** Every page Root can open, the navigation entry that must be marked as current there, and its heading. */
const PAGES = [
  { path: '/deployments', entry: 'Deployments', heading: 'Deployments' },
  { path: '/projects', entry: 'Projects', heading: 'Projects' },
  { path: '/api-keys', entry: 'API Keys', heading: 'API Keys' },
  // The Platform API Keys are the second tab of API Keys.
  { path: '/platform-api-keys', entry: 'API Keys', heading: 'Platform API Keys' },
  { path: '/users', entry: 'Users', heading: 'Users' },
  { path: '/key-review', entry: 'Key review', heading: 'Key review' },
  { path: '/audit-log', entry: 'Audit Log', heading: 'Audit Log' },
  { path: '/find-key', entry: 'Find key by secret', heading: 'Find key by secret' },
  { path: '/settings', entry: 'Settings', heading: 'Settings' },
  { path: '/security', entry: 'Security', heading: 'Security' },
] as const;

test('every page is in the navigation and marked there when open, with plural titles over lists', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, ROOT);
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  for (const { path, entry, heading } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1, exact: true })).toBeVisible();
    await expect(navigation.locator('[aria-current="page"]'), path).toHaveCount(1);
    await expect(navigation.getByRole('link', { name: entry, exact: true }), path).toHaveAttribute('aria-current', 'page');
  }
  // Security is in the account menu as well.
  await page.getByRole('button', { name: ROOT.email }).click();
  await expect(page.getByRole('menuitem', { name: 'Security' })).toBeVisible();
});

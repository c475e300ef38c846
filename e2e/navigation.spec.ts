import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';

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

/** How far the page, or any table in it, runs wider than its box (0 when it fits). */
const overflow = (page: Page): Promise<number> =>
  page.evaluate(`Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ...[...document.querySelectorAll('.kw-table-scroll')].map((box) => box.scrollWidth - box.clientWidth),
  )`);

test('every page is in the navigation and marked there when open, and every list fits 1280 px', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `fits-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  await api.post(`/api/console/deployments/${deployment.id}/keys`, {
    data: { note: 'a note long enough to wrap in a narrow column of the list', labels: { team: 'payments', env: 'prod' }, permissions: [{ method: 'GET', path: '/clients' }] },
  });
  await api.dispose();
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, ROOT);
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  for (const { path, entry, heading } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1, exact: true })).toBeVisible();
    await expect(navigation.locator('[aria-current="page"]'), path).toHaveCount(1);
    await expect(navigation.getByRole('link', { name: entry, exact: true }), path).toHaveAttribute('aria-current', 'page');
    await page.waitForLoadState('networkidle');
    expect(await overflow(page), `${path} runs wider than 1280 px`).toBeLessThanOrEqual(0);
  }
  await page.goto(`/deployments/${deployment.id}`);
  await expect(page.getByRole('region', { name: 'Deployment API Keys' }).getByRole('table')).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Deployments', exact: true })).toHaveAttribute('aria-current', 'page');
  expect(await overflow(page), 'the Deployment page runs wider than 1280 px').toBeLessThanOrEqual(0);
  // Security is in the account menu as well.
  await page.getByRole('button', { name: ROOT.email }).click();
  await expect(page.getByRole('menuitem', { name: 'Security' })).toBeVisible();
});

// The other sizes, languages and schemes: every page has its one current entry and fits.
for (const variant of [
  { name: '390x844, Chinese, dark', viewport: { width: 390, height: 844 }, locale: 'zh-CN', colorScheme: 'dark' as const },
  { name: '1280x720, Chinese, dark', viewport: { width: 1280, height: 720 }, locale: 'zh-CN', colorScheme: 'dark' as const },
  { name: '390x844, English, light', viewport: { width: 390, height: 844 }, locale: 'en-US', colorScheme: 'light' as const },
]) {
  test.describe(variant.name, () => {
    test.use({ viewport: variant.viewport, locale: variant.locale, colorScheme: variant.colorScheme });

    test(`every page fits and marks its navigation entry (${variant.name})`, async ({ page }) => {
      await page.goto('/');
      await page.locator('input[type="email"], input[autocomplete="username"]').first().fill(ROOT.email);
      await page.locator('input[type="password"]').first().fill(ROOT.password);
      await page.locator('button[type="submit"]').click();
      // Signed in: the console shell, whatever its language.
      await page.waitForURL('**/deployments');
      await expect(page.locator('nav').first()).toBeAttached();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', variant.colorScheme);
      await expect(page.locator('html')).toHaveAttribute('lang', variant.locale === 'zh-CN' ? 'zh-CN' : 'en');
      for (const { path } of PAGES) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        // On a phone the navigation is behind its burger; its links are there all the same.
        await expect(page.locator('nav').first().locator('[aria-current="page"]'), path).toHaveCount(1);
        expect(await overflow(page), `${path} runs wider than ${variant.viewport.width} px`).toBeLessThanOrEqual(0);
      }
    });
  });
}

import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test.use({ colorScheme: 'dark' });

test('the console in dark mode passes axe, dimmed text and key lists included', async ({ page, baseURL }) => {
  // A key of its own, with refused calls to show beside its sparkline, whatever ran before.
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `dark-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  const key = await (await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { permissions: [{ method: 'GET', path: '/clients' }] } })).json();
  const wrong = `Basic ${Buffer.from(`${key.appId}:${key.appSecret}x`).toString('base64')}`;
  expect((await fetch(`${baseURL}/api/deployments/${deployment.id}/api/v5/clients`, { headers: { authorization: wrong } })).status).toBe(401);
  await expect
    .poll(async () => (await (await api.get(`/api/console/deployments/${deployment.id}/usage`)).json()).totals.unauthorized_401, { timeout: 10_000 })
    .toBe(1);
  // And a disabled one beside it: a greyed row must still read at AA in dark mode.
  const retired = await (await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { note: 'retired', permissions: [{ method: 'GET', path: '/clients' }] } })).json();
  expect((await api.patch(`/api/console/deployments/${deployment.id}/keys/${retired.id}/lifecycle`, { data: { disabled: true } })).status()).toBe(200);
  await api.dispose();

  await signIn(page, ROOT);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoSeriousA11yViolations(page);
  await page.goto('/platform-api-keys');
  await expect(page.getByRole('heading', { name: 'Platform API Key', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/api-keys');
  await expect(page.getByRole('heading', { name: 'API Keys', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill(key.appId);
  await expect(page.getByRole('button', { name: `Usage of ${key.appId}` })).toContainText('+1 refused');
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/deployments/${deployment.id}`);
  await expect(page.getByRole('row').filter({ hasText: retired.appId }).getByText('Disabled', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/audit-log');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  // A card with unsaved changes says so, readably.
  await page.getByRole('textbox', { name: 'Maximum key lifetime' }).fill('99');
  await expect(page.getByRole('region', { name: 'Key policy' }).getByRole('status')).toHaveText(/Unsaved changes/);
  await expectNoSeriousA11yViolations(page);
});

import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

test('markup in notes and names renders as text and runs nothing', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `${PAYLOAD} fleet`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { note: PAYLOAD, permissions: [{ method: 'GET', path: '/clients' }] } });
  await api.post('/api/console/platform-keys', { data: { note: PAYLOAD, scopes: ['project_management'], projectIds: null } });
  await api.dispose();

  await signIn(page, ROOT);
  for (const address of [`/deployments/${deployment.id}`, '/deployments', '/platform-api-keys', '/audit-log']) {
    await page.goto(address);
    await expect(page.getByText(PAYLOAD).first()).toBeVisible();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
});

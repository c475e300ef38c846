import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useStandInUpstream } from './support/upstream';

const upstream = useStandInUpstream();

test("a key's Usage shows its traffic by outcome and the refused endpoint, and grants it in one click", async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: {
        name: `usage-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1',
        upstreamUrl: upstream.url(), upstreamApiKey: 'emqx-key', upstreamApiSecret: 'emqx-secret',
      },
    })
  ).json();
  const key = await (await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { permissions: [{ method: 'GET', path: '/clients' }] } })).json();
  const authorization = `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}`;
  const gateway = `${baseURL}/api/deployments/${deployment.id}/api/v5`;
  for (let i = 0; i < 3; i++) expect((await fetch(`${gateway}/clients`, { headers: { authorization } })).status).toBe(200);
  for (let i = 0; i < 2; i++) expect((await fetch(`${gateway}/clients/sensor-${i}`, { method: 'DELETE', headers: { authorization } })).status).toBe(403);
  // Flushed by the server within a second.
  await expect
    .poll(async () => (await (await api.get(`/api/console/deployments/${deployment.id}/usage`)).json()).totals.denied_403, { timeout: 10_000 })
    .toBe(2);
  await api.dispose();

  await signIn(page, ROOT);
  await page.goto(`/deployments/${deployment.id}`);
  await expect(page.getByRole('region', { name: 'Requests through the gateway' })).toContainText('5 requests');
  const sparkline = page.getByRole('button', { name: `Usage of ${key.appId}` });
  // Served on the line, the two denied apart.
  await expect(sparkline).toContainText('3');
  await expect(sparkline).toContainText('+2 refused');
  await sparkline.click();
  const usage = page.getByRole('dialog', { name: `Usage of ${key.appId}` });
  await expect(usage).toContainText('5 requests');
  const groups = usage.getByRole('list', { name: 'Requests by what became of them' });
  await expect(groups.getByRole('listitem')).toHaveText(['Served: 3', 'Denied: 2', 'Refused: 0']);
  await expect(usage).toContainText('Succeeded (2xx, 3xx): 3');
  await expect(usage).toContainText('Denied (403): 2');
  await expect(usage.getByText('127.0.0.1')).toBeVisible();
  await expect(usage).toContainText('1 of 1 grant used');
  await usage.getByRole('switch', { name: 'Show as table' }).click();
  await expect(usage.getByRole('table', { name: 'Requests by time and outcome' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  const refused = usage.getByRole('row').filter({ hasText: 'DELETE /clients/{clientid}' });
  await expect(refused).toContainText('2');
  await refused.getByRole('button', { name: 'Grant this permission' }).click();

  const edit = page.getByRole('dialog', { name: `Edit API Key ${key.appId}` });
  await expect(edit.getByRole('button', { name: 'Changes: 1 added, 0 removed' })).toBeVisible();
  await edit.getByRole('searchbox', { name: 'Search APIs' }).fill('/clients');
  await expect(edit.getByRole('checkbox', { name: 'DELETE /clients/{clientid}', exact: true })).toBeChecked();
  await edit.getByRole('button', { name: 'Confirm' }).click();
  await expect(edit).toBeHidden();
  expect((await fetch(`${gateway}/clients/sensor-0`, { method: 'DELETE', headers: { authorization } })).status).toBe(200);

  // The API Keys inventory shows the same sparkline and opens the same Usage.
  await page.goto('/api-keys');
  await page.getByRole('searchbox', { name: 'Search' }).fill(key.appId);
  const listed = page.getByRole('button', { name: `Usage of ${key.appId}` });
  // 3 served, or 4 once the granted DELETE above is flushed; the 2 denied apart.
  await expect(listed).toHaveText(/^[34]\+2 refused$/);
  await listed.click();
  await expect(page.getByRole('dialog', { name: `Usage of ${key.appId}` })).toContainText('Denied (403): 2');
});

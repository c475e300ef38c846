import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test("a key's own page: status, note, labels, access in words, usage, activity; disable asks first, delete leaves", async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `key-page-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  const key = await (
    await api.post(`/api/console/deployments/${deployment.id}/keys`, {
      data: {
        note: 'fleet dashboard',
        labels: { team: 'payments' },
        permissions: [
          { method: 'GET', path: '/clients' },
          { method: 'GET', path: '/clients/{clientid}' },
          { method: 'DELETE', path: '/clients/{clientid}' },
        ],
      },
    })
  ).json();
  const platformKey = await (await api.post('/api/console/platform-keys', { data: { note: 'deploy bot', scopes: ['deployment_management'], projectIds: null } })).json();
  await api.dispose();

  await signIn(page, ROOT);
  await page.goto(`/deployments/${deployment.id}`);
  // The list links each key to its page. Clicked once the page has settled: the sections above
  // the list (TLS) and its own words load on their own, and a click while they do can move the
  // row from under the pointer.
  const row = page.getByRole('region', { name: 'Deployment API Key' }).getByRole('row').filter({ hasText: key.appId });
  await expect(row).toContainText('Clients: read, delete');
  await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
  await row.getByRole('link', { name: key.appId, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/keys/${key.id}$`));
  await expect(page.getByRole('heading', { name: key.appId, level: 1 })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText('Active', { exact: true })).toBeVisible();
  await expect(main.getByText('fleet dashboard')).toBeVisible();
  await expect(main.getByText('team=payments')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Access' })).toContainText('Clients: read, delete');
  await expect(page.getByRole('region', { name: 'Usage' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Activity' }).getByRole('row').filter({ hasText: 'Deployment API Key created' })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // Disable asks first, then says so; the activity records it.
  await main.getByRole('button', { name: 'Disable', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${key.appId}?` });
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(main.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Enable', exact: true })).toBeVisible();

  // A disabled key's calls are refused, and its usage says so apart from use.
  const call = await fetch(`${baseURL}/api/deployments/${deployment.id}/api/v5/clients`, {
    headers: { authorization: `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}` },
  });
  expect(call.status).toBe(401);
  const usageApi = await rootApi(baseURL!);
  await expect
    .poll(async () => (await (await usageApi.get(`/api/console/deployments/${deployment.id}/usage`)).json()).totals.unauthorized_401, { timeout: 10_000 })
    .toBe(1);
  await usageApi.dispose();
  await page.reload();
  const groups = page.getByRole('region', { name: 'Usage' }).getByRole('list', { name: 'Requests by what became of them' });
  await expect(groups.getByRole('listitem')).toHaveText(['Served: 0', 'Denied: 0', 'Refused: 1']);

  // Delete, after its confirmation, goes back to the deployment.
  await main.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${deployment.id}$`));
  await expect(page.getByRole('link', { name: key.appId, exact: true })).toHaveCount(0);
  await page.goto(`/keys/${key.id}`);
  await expect(page.getByText('No such key, or not one you may see.')).toBeVisible();

  // A Platform API Key has the same address shape and page.
  await page.goto(`/keys/${platformKey.id}`);
  await expect(page.getByRole('heading', { name: platformKey.key, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Access' })).toContainText('Deployment Management');
  await expect(page.getByRole('main')).toContainText('All projects');
  await expectNoSeriousA11yViolations(page);
});

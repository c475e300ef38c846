import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/test';
import { createAccount, ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

let upstream: Server;
let upstreamUrl = '';

test.beforeAll(async () => {
  upstream = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ seen: request.url }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

test('Root points a deployment at its upstream; addresses outside the allow list are refused; Project Administrators cannot', async ({ page, browser, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projectId = (await (await api.get('/api/console/projects')).json()).projects[0].id as string;
  const created = await api.post('/api/console/deployments', {
    data: { name: `upstream-${Date.now()}`, projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
  });
  const deploymentId = (await created.json()).id as string;
  const key = await (await api.post(`/api/console/deployments/${deploymentId}/keys`, { data: { permissions: [{ method: 'GET', path: '/clients' }] } })).json();

  await signIn(page, ROOT);
  await page.goto(`/deployments/${deploymentId}`);
  await page.getByRole('button', { name: 'Change upstream' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change upstream' });
  await dialog.getByRole('textbox', { name: 'Upstream API URL' }).fill('http://169.254.169.254/latest');
  await dialog.getByRole('textbox', { name: 'Upstream API Key' }).fill('emqx-key');
  await dialog.getByLabel('Upstream API Secret').fill('emqx-secret-value');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Keyward may not connect to this address (KEYWARD_UPSTREAM_ALLOW)')).toBeVisible();
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');

  await dialog.getByRole('textbox', { name: 'Upstream API URL' }).fill(upstreamUrl);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(upstreamUrl)).toBeVisible();
  const call = await api.get(`/api/deployments/${deploymentId}/api/v5/clients`, {
    headers: { authorization: `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}` },
  });
  expect(await call.json()).toEqual({ seen: '/api/v5/clients' });

  // A Project Administrator learns only that it forwards: not where, and no way to change it.
  const padmin = await createAccount(baseURL!, 'project_admin');
  const users = (await (await api.get('/api/console/users')).json()).users as { id: string; email: string }[];
  await api.put(`/api/console/projects/${projectId}/members/${users.find((user) => user.email === padmin.email)!.id}`);
  const other = await browser.newContext();
  const padminPage = await other.newPage();
  await signIn(padminPage, padmin);
  await padminPage.goto(`/deployments/${deploymentId}`);
  await expect(padminPage.getByText('Configured (the address is shown to Root and Administrators)')).toBeVisible();
  await expect(padminPage.getByText(upstreamUrl)).toHaveCount(0);
  await expect(padminPage.getByRole('button', { name: 'Change upstream' })).toHaveCount(0);
  await padminPage.goto('/deployments');
  await padminPage.getByRole('button', { name: 'Create Deployment' }).click();
  await expect(padminPage.getByRole('dialog').getByRole('textbox', { name: 'Upstream API URL' })).toHaveCount(0);
  await other.close();
  await api.dispose();
});

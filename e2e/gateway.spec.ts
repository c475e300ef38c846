import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { closeRevealWithoutCopying, keyAction } from './support/keys';

const run = promisify(execFile);
let upstream: Server;
let upstreamUrl = '';

test.beforeAll(async () => {
  // A stand-in for the deployment's EMQX REST API.
  upstream = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: [{ clientid: 'sensor-1' }], seen: `${request.method} ${request.url}` }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

test('a key made in the console works on the gateway, is held to its permissions, and dies with its deletion', async ({ page, request, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const created = await api.post('/api/console/deployments', {
    data: {
      name: `gateway-${Date.now()}`,
      projectId: projects.projects[0].id,
      type: 'dedicated_v5',
      emqxVersion: '5.8.9',
      region: 'us-east-1',
      upstreamUrl,
      upstreamApiKey: 'emqx-key',
      upstreamApiSecret: 'emqx-secret',
    },
  });
  const deploymentId = (await created.json()).id as string;
  await api.dispose();

  await signIn(page, ROOT);
  await page.goto(`/deployments/${deploymentId}`);
  const section = page.getByRole('region', { name: 'Deployment API Key' });
  // Where to call, with a Copy button that says so.
  await expect(section.getByLabel('API endpoint', { exact: true })).toHaveText(`${baseURL}/api/deployments/${deploymentId}/api/v5`);
  await expect(section.getByRole('button', { name: 'Copy API endpoint' })).toHaveText('Copy');
  await section.getByRole('button', { name: '+ New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('/clients');
  await dialog.getByRole('checkbox', { name: 'GET /clients', exact: true }).check();
  await expect(dialog.getByRole('status')).toHaveText('1 permission in 1 category (GET 1)');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const reveal = page.getByRole('dialog', { name: 'API Key created' });
  const appId = await reveal.getByRole('textbox', { name: 'App ID' }).inputValue();
  const appSecret = await reveal.getByRole('textbox', { name: 'App Secret' }).inputValue();
  // The ready-to-run curl line works as it stands.
  const curl = await reveal.getByLabel('curl command', { exact: true }).textContent();
  expect(curl).toContain(appSecret);
  const { stdout } = await run('sh', ['-c', `${curl} -s -o /dev/null -w '%{http_code}'`]);
  expect(stdout).toBe('200');
  await expect(reveal.getByRole('button', { name: 'Copy as environment variables' })).toBeVisible();
  await closeRevealWithoutCopying(page, reveal);

  const headers = { authorization: `Basic ${Buffer.from(`${appId}:${appSecret}`).toString('base64')}` };
  const base = `/api/deployments/${deploymentId}/api/v5`;
  const list = await request.get(`${base}/clients?limit=10`, { headers });
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ data: [{ clientid: 'sensor-1' }], seen: 'GET /api/v5/clients?limit=10' });

  const publish = await request.post(`${base}/publish`, { headers, data: { topic: 't', payload: 'x' } });
  expect(publish.status()).toBe(403);
  expect((await publish.json()).code).toBe('PERMISSION_DENIED');

  await keyAction(page, appId, 'Delete');
  await page.getByRole('dialog', { name: 'Delete API Key' }).getByRole('button', { name: 'Delete' }).click();
  await expect(section.getByRole('row').filter({ hasText: appId })).toHaveCount(0);
  expect((await request.get(`${base}/clients`, { headers })).status()).toBe(401);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';

let hostile: Server;
let hostileUrl = '';
const EVIL_EMAIL = `evil-${Date.now()}@keyward.example`;

test.beforeAll(async () => {
  // An upstream someone points a deployment at, answering a page meant to run on Keyward's
  // origin: it tries to create an Administrator with the visitor's session, and to set a cookie.
  hostile = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'unsafe-inline'",
      'set-cookie': 'keyward_session=stolen; Path=/',
    });
    response.end(`<!doctype html><title>hostile</title><script>
      fetch('/api/console/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-keyward-csrf': '1' },
        body: JSON.stringify({ email: '${EVIL_EMAIL}', role: 'admin', password: 'evil password 123', name: 'evil' }) });
      document.title = 'ran';
    </script>`);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

test("a hostile upstream's page cannot run on the console's origin, nor set its cookies", async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: {
        name: `hostile-${Date.now()}`,
        projectId: projects.projects[0].id,
        type: 'dedicated_v5',
        emqxVersion: '5.8.9',
        region: 'us-east-1',
        upstreamUrl: hostileUrl,
        upstreamApiKey: 'k',
        upstreamApiSecret: 'hostile-upstream-secret',
      },
    })
  ).json();
  const key = await (await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { permissions: [{ method: 'GET', path: '/clients' }] } })).json();

  await signIn(page, ROOT);
  const sessionBefore = (await page.context().cookies()).find((cookie) => cookie.name === 'keyward_session')?.value;
  expect(sessionBefore).toBeTruthy();

  // Root follows a gateway link (the browser sends the key, as a client would).
  await page.setExtraHTTPHeaders({ authorization: `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}` });
  const download = page.waitForEvent('download', { timeout: 10_000 }).then(
    () => 'offered as a download',
    () => 'not offered as a download',
  );
  await page.goto(`/api/deployments/${deployment.id}/api/v5/clients`).catch(() => undefined); // a download aborts it
  await page.waitForLoadState('networkidle');
  expect(await page.title()).not.toBe('ran');
  // Not rendered at all; and were it rendered, CSP `sandbox` would keep it off the origin.
  expect(await download).toBe('offered as a download');
  await page.setExtraHTTPHeaders({});

  await page.goto('/deployments');
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  const sessionAfter = (await page.context().cookies()).find((cookie) => cookie.name === 'keyward_session')?.value;
  expect(sessionAfter).toBe(sessionBefore);
  const users = await (await api.get('/api/console/users')).json();
  expect(JSON.stringify(users)).not.toContain(EVIL_EMAIL);
  await api.dispose();
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import { Agent, fetch } from 'undici';
import { makeCa, makeLeaf } from '../test/support/certificates';
import { expectNoSeriousA11yViolations } from './support/axe';
import { freePort, startOwnServer, waitFor } from './support/own-server';
import { useStandInUpstream } from './support/upstream';

/**
 * The README's reverse-proxy example (deploy/nginx/keyward.conf) for real: Debian's nginx with a
 * test certificate in front of a built Keyward started with KEYWARD_TRUST_PROXY=127.0.0.1.
 */
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => spawnSync(candidate, ['-v']).status === 0);
const ROOT = { email: 'root@proxied.example', password: 'root password behind nginx' };
const upstream = useStandInUpstream();

test.skip(!NGINX, 'nginx is not installed here (.ci/run installs it)');

const children: ChildProcess[] = [];
let dir = '';
let site = '';
let stopKeyward: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'keyward-nginx-'));
  const httpsPort = await freePort();
  const keyward = await startOwnServer(ROOT, { KEYWARD_TRUST_PROXY: '127.0.0.1' });
  stopKeyward = keyward.stop;
  const keywardPort = keyward.port;

  const ca = await makeCa();
  const leaf = await makeLeaf(ca, { cn: 'localhost', dns: ['localhost'] });
  writeFileSync(path.join(dir, 'fullchain.pem'), `${leaf.cert}\n${ca.cert}`);
  writeFileSync(path.join(dir, 'privkey.pem'), leaf.key);
  // The example as shipped, pointed at this run's ports and certificate.
  const example = readFileSync('deploy/nginx/keyward.conf', 'utf8')
    .replace('server 127.0.0.1:8080;', `server 127.0.0.1:${keywardPort};`)
    .replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`)
    .replace('server_name keyward.example.com;', 'server_name localhost;')
    .replace('/etc/keyward/tls/fullchain.pem', path.join(dir, 'fullchain.pem'))
    .replace('/etc/keyward/tls/privkey.pem', path.join(dir, 'privkey.pem'));
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, temp));
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents { worker_connections 256; }\nhttp {\n` +
      `  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n` +
      `  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n${example}\n}\n`,
  );
  children.push(spawn(NGINX!, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' }));
  site = `https://localhost:${httpsPort}`;
  await waitFor(async () => (await fromAddress('127.0.0.1')(`${site}/healthz`)).ok, 'nginx');
});

test.afterAll(async () => {
  await stopKeyward?.();
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  rmSync(dir, { recursive: true, force: true });
});

/** A client on another loopback address, as if on another machine, trusting the test certificate. */
function fromAddress(address: string) {
  const dispatcher = new Agent({ localAddress: address, connect: { rejectUnauthorized: false } });
  return (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => fetch(url, { ...init, dispatcher });
}

/** A Console API session from `address`, through nginx. */
async function consoleFrom(address: string, account = ROOT) {
  const call = fromAddress(address);
  const headers = { origin: site, 'x-keyward-csrf': '1', 'content-type': 'application/json' };
  const signIn = await call(`${site}/api/console/session`, { method: 'POST', headers, body: JSON.stringify(account) });
  const cookie = signIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  return {
    status: signIn.status,
    setCookie: signIn.headers.getSetCookie().join('\n'),
    send: async (method: string, url: string, body?: unknown, extra: Record<string, string> = {}) => {
      const response = await call(`${site}${url}`, { method, headers: { ...headers, cookie, ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json().catch(() => undefined)) as any };
    },
  };
}

test('the console, the Platform API and the gateway over HTTPS through nginx, with the real client addresses', async ({ browser }) => {
  // The console in a browser: Secure session cookie, HSTS.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: site });
  const page = await context.newPage();
  const first = await page.goto('/');
  expect(first?.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(ROOT.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ROOT.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  const session = (await context.cookies()).find((cookie) => cookie.name === 'keyward_session');
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  await expectNoSeriousA11yViolations(page);
  await context.close();

  // A change from 127.0.0.9, with a forged X-Forwarded-For: the audit log says 127.0.0.9.
  const root = await consoleFrom('127.0.0.9');
  expect(root.status).toBe(200);
  expect(root.setCookie).toMatch(/;\s*Secure/i);
  const project = await root.send('POST', '/api/console/projects', { name: 'proxied' }, { 'x-forwarded-for': '6.6.6.6' });
  expect(project.status).toBe(201);
  const audit = await root.send('GET', '/api/console/audit-events?action=project.create');
  expect(audit.body.events[0]).toMatchObject({ targetLabel: 'proxied', address: '127.0.0.9' });

  // Sign-in limits count each real client address: 127.0.0.7's failures do not block 127.0.0.8.
  const member = { email: 'member@proxied.example', password: 'member password behind nginx' };
  expect((await root.send('POST', '/api/console/users', { ...member, role: 'project_user' })).status).toBe(201);
  expect((await consoleFrom('127.0.0.8', member)).status).toBe(200);
  const failures: number[] = [];
  for (let attempt = 0; attempt < 6; attempt++) failures.push((await consoleFrom('127.0.0.7', { ...member, password: 'wrong' })).status);
  expect(failures.at(-1)).toBe(429);
  expect((await consoleFrom('127.0.0.8', member)).status).toBe(200);

  // The Platform API and the gateway answer through the same proxy.
  const projects = await root.send('GET', '/api/console/projects');
  const platformKey = (await root.send('POST', '/api/console/platform-keys', { note: 'proxied', scopes: ['project_management'], projectIds: null })).body;
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const listed = await fromAddress('127.0.0.9')(`${site}/public_api/v1/projects`, { headers: { authorization: basic(platformKey.key, platformKey.secret) } });
  expect(listed.status).toBe(200);
  const deployment = (
    await root.send('POST', '/api/console/deployments', {
      name: 'proxied', projectId: projects.body.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1',
      upstreamUrl: upstream.url(), upstreamApiKey: 'k', upstreamApiSecret: 'proxied-upstream-secret',
    })
  ).body;
  const key = (await root.send('POST', `/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
  const forwarded = await fromAddress('127.0.0.9')(`${site}/api/deployments/${deployment.id}/api/v5/clients`, { headers: { authorization: basic(key.appId, key.appSecret) } });
  expect(forwarded.status).toBe(200);
  expect(await forwarded.json()).toEqual({ data: [] });
  expect(forwarded.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
});

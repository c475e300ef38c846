import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppConfig, testServerKeys } from '../support/test-config';
import type { ConsoleClient } from '../support/console-client';
import { gatewayCall } from '../support/gateway-client';
import {
  createDeployment,
  createPlatformKey,
  PlatformClient,
  UPSTREAM_KEY,
  UPSTREAM_SECRET,
} from '../support/platform-client';
import { buildTestApp, useTestApp } from '../support/test-app';
import { startUpstream } from '../support/upstream';
import { withLastCharacterChanged } from '../support/tamper';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

async function keyFor(
  root: ConsoleClient,
  deploymentId: string,
  permissions?: { method: string; path: string }[],
) {
  const response = await root.post(
    `/api/console/deployments/${deploymentId}/keys`,
    permissions ? { permissions } : {},
  );
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return response.body as { id: string; appId: string; appSecret: string; version: number };
}

const CLIENTS_READ = [{ method: 'GET', path: '/clients' }];

describe('Deployment API gateway', () => {
  const t = useTestApp({
    deploymentTransitionMs: 0,
    gatewayFailuresPerAddress: 8,
    upstreamTimeoutMs: 300,
  });

  async function dedicated(options: { upstream?: boolean; type?: string } = {}) {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, {
      type: options.type,
      upstreamUrl: options.upstream === false ? undefined : upstream.url,
    });
    return { root, deployment };
  }

  it('refuses every credential problem with the same 401, a key of another deployment included', async () => {
    const { root, deployment } = await dedicated();
    const other = await createDeployment(root, { name: 'other', upstreamUrl: upstream.url });
    const key = await keyFor(root, deployment.id, CLIENTS_READ);
    const foreign = await keyFor(root, other.id, CLIENTS_READ);
    t.logs.rememberSecret(key.appSecret);
    const call = (authorization?: string) =>
      gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', authorization });
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const answers = [
      await call(undefined),
      await call('Basic !!!not-base64'),
      await call(basic('kwa_00000000000000000000', key.appSecret)),
      await call(basic(key.appId, withLastCharacterChanged(key.appSecret))),
      await call(basic(foreign.appId, foreign.appSecret)),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Basic realm="Keyward"');
      expect(answer.body).toEqual(answers[0]!.body);
    }
    expect(upstream.seen.filter((request) => request.url.includes('/api/v5/clients'))).toHaveLength(
      0,
    );
  });

  it('limits failed attempts per client address with 429, without locking out verified clients', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, CLIENTS_READ);
    t.logs.rememberSecret(key.appSecret);
    expect(
      (await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key }))
        .status,
    ).toBe(200);
    const wrong = { appId: key.appId, appSecret: 'kwds_wrong' };
    for (let i = 0; i < 8; i++)
      expect(
        (
          await gatewayCall(t.app, {
            deploymentId: deployment.id,
            path: '/api/v5/clients',
            key: wrong,
          })
        ).status,
      ).toBe(401);
    const limited = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/clients',
      key: wrong,
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key }))
        .status,
    ).toBe(200);
  });

  it('answers 404 outside the catalog and 405 with Allow for an unsupported method', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, CLIENTS_READ);
    t.logs.rememberSecret(key.appSecret);
    expect(
      (
        await gatewayCall(t.app, {
          deploymentId: deployment.id,
          path: '/api/v5/no/such/thing',
          key,
        })
      ).status,
    ).toBe(404);
    expect(
      (await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v4/clients', key }))
        .status,
    ).toBe(404);
    const wrongMethod = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/clients',
      method: 'PUT',
      key,
    });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toContain('GET');
  });

  it('refuses a (method, endpoint) the key lacks with 403 PERMISSION_DENIED naming both', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, CLIENTS_READ);
    t.logs.rememberSecret(key.appSecret);
    const denied = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/clients/dev-1',
      method: 'DELETE',
      key,
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { method: 'DELETE', endpoint: '/clients/{clientid}' },
    });
    expect(denied.body.message).toContain('DELETE /clients/{clientid}');
  });

  it('forwards method, path, query, body, status and content type, with the upstream credentials only', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, [
      { method: 'POST', path: '/publish' },
      ...CLIENTS_READ,
    ]);
    t.logs.rememberSecret(key.appSecret);
    const message = JSON.stringify({ topic: 't/1', payload: 'hello' });
    const answer = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/publish?qos=1&retain=false',
      method: 'POST',
      key,
      body: message,
      headers: {
        'content-type': 'application/json',
        cookie: 'keyward_session=abc',
        connection: 'x-secret-hop',
        'x-secret-hop': '1',
        'x-trace': 'kept',
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-upstream']).toBe('emqx');
    expect(answer.body).toMatchObject({
      method: 'POST',
      url: '/api/v5/publish?qos=1&retain=false',
      bodyBytes: Buffer.byteLength(message),
    });
    const seen = answer.body.headers;
    expect(seen.authorization).toBe(
      `Basic ${Buffer.from(`${UPSTREAM_KEY}:${UPSTREAM_SECRET}`).toString('base64')}`,
    );
    expect(seen.cookie).toBeUndefined();
    expect(seen['x-secret-hop']).toBeUndefined();
    expect(seen['x-trace']).toBe('kept');
    expect(JSON.stringify(seen)).not.toContain(key.appSecret);

    // A Connection header's list, in any case and spacing, names headers that go no further either.
    const listed = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/publish',
      method: 'POST',
      key,
      body: message,
      headers: { 'content-type': 'application/json', connection: 'Keep-Alive ,X-Secret-Hop,  x-other-hop', 'x-secret-hop': '1', 'x-other-hop': '2', 'x-trace': 'kept' },
    });
    expect(listed.status).toBe(201);
    expect(listed.body.headers['x-secret-hop']).toBeUndefined();
    expect(listed.body.headers['x-other-hop']).toBeUndefined();
    expect(listed.body.headers['x-trace']).toBe('kept');
  });

  it('streams large bodies both ways', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, [
      { method: 'POST', path: '/publish/bulk' },
      ...CLIENTS_READ,
    ]);
    t.logs.rememberSecret(key.appSecret);
    const upload = Buffer.alloc(5 * 1024 * 1024, 97);
    const up = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/publish/bulk',
      method: 'POST',
      key,
      body: upload,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(up.body.bodyBytes).toBe(upload.length);
    const down = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: `/api/v5/clients?big=${8 * 1024 * 1024}`,
      key,
    });
    expect(down.status).toBe(200);
    expect(down.raw.length).toBe(8 * 1024 * 1024);
  });

  it('lets full-access Serverless keys reach the Serverless API, and nothing else', async () => {
    const { root, deployment } = await dedicated({ type: 'serverless' });
    const key = await keyFor(root, deployment.id);
    t.logs.rememberSecret(key.appSecret);
    expect(
      (
        await gatewayCall(t.app, {
          deploymentId: deployment.id,
          path: '/api/v5/clients/abc',
          method: 'DELETE',
          key,
        })
      ).status,
    ).toBe(200);
    expect(
      (await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/rules', key }))
        .status,
    ).toBe(404);
  });

  it('answers 503 for a stopped deployment and 502 without an upstream', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, CLIENTS_READ);
    t.logs.rememberSecret(key.appSecret);
    expect(
      (await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key }))
        .status,
    ).toBe(200);
    await root.post(`/api/console/deployments/${deployment.id}/stop`);
    const stopped = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/clients',
      key,
    });
    expect(stopped.status).toBe(503);
    expect(stopped.body.code).toBe('DEPLOYMENT_STOPPED');

    const bare = await createDeployment(root, { name: 'bare' });
    const bareKey = await keyFor(root, bare.id, CLIENTS_READ);
    t.logs.rememberSecret(bareKey.appSecret);
    const missing = await gatewayCall(t.app, {
      deploymentId: bare.id,
      path: '/api/v5/clients',
      key: bareKey,
    });
    expect(missing.status).toBe(502);
    expect(missing.body.code).toBe('UPSTREAM_NOT_CONFIGURED');
  });

  it('answers 502 when the upstream is unreachable and 504 when it is too slow', async () => {
    const root = await t.setupRoot();
    const dead = await createDeployment(root, { name: 'dead', upstreamUrl: 'http://127.0.0.1:9' });
    const deadKey = await keyFor(root, dead.id, CLIENTS_READ);
    t.logs.rememberSecret(deadKey.appSecret);
    const unreachable = await gatewayCall(t.app, {
      deploymentId: dead.id,
      path: '/api/v5/clients',
      key: deadKey,
    });
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.code).toBe('UPSTREAM_UNREACHABLE');

    const slow = await createDeployment(root, {
      name: 'slow',
      upstreamUrl: `${upstream.url}/slow`,
    });
    const slowKey = await keyFor(root, slow.id, CLIENTS_READ);
    t.logs.rememberSecret(slowKey.appSecret);
    const timedOut = await gatewayCall(t.app, {
      deploymentId: slow.id,
      path: '/api/v5/clients',
      key: slowKey,
    });
    expect(timedOut.status).toBe(504);
    expect(timedOut.body.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('applies permission edits and deletion on the very next request', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, CLIENTS_READ);
    t.logs.rememberSecret(key.appSecret);
    const clients = () =>
      gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    const publish = () =>
      gatewayCall(t.app, {
        deploymentId: deployment.id,
        path: '/api/v5/publish',
        method: 'POST',
        key,
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
    expect((await clients()).status).toBe(200);
    expect((await publish()).status).toBe(403);
    await root.put(`/api/console/deployments/${deployment.id}/keys/${key.id}`, {
      note: '',
      permissions: [{ method: 'POST', path: '/publish' }],
      version: key.version,
    });
    expect((await publish()).status).toBe(201);
    expect((await clients()).status).toBe(403);
    await root.delete(`/api/console/deployments/${deployment.id}/keys/${key.id}`);
    expect((await publish()).status).toBe(401);
  });

  it('records when a key was last used', async () => {
    const { root, deployment } = await dedicated();
    const key = await keyFor(root, deployment.id, CLIENTS_READ);
    t.logs.rememberSecret(key.appSecret);
    await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = (await root.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys[0];
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('leaves Platform API credentials useless on the gateway', async () => {
    const { root, deployment } = await dedicated();
    const platformKey = await createPlatformKey(root);
    t.logs.rememberSecret(platformKey.secret);
    const answer = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/clients',
      key: { appId: platformKey.key, appSecret: platformKey.secret },
    });
    expect(answer.status).toBe(401);
    expect((await PlatformClient.withKey(t.app, platformKey).get('/deployments')).status).toBe(200);
  });
});

describe('security headers', () => {
  const t = useTestApp();

  it('sends the full set on console and Platform API answers, and the API set on gateway answers', async () => {
    const consoleAnswer = await t.app.inject({ method: 'GET', url: '/api/console/setup' });
    expect(consoleAnswer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(consoleAnswer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(consoleAnswer.headers['x-frame-options']).toBe('DENY');
    const publicAnswer = await t.app.inject({ method: 'GET', url: '/public_api/v1/deployments' });
    expect(publicAnswer.headers['x-content-type-options']).toBe('nosniff');
    const gatewayAnswer = await t.app.inject({
      method: 'GET',
      url: '/api/deployments/abcdefgh/api/v5/clients',
    });
    expect(gatewayAnswer.statusCode).toBe(401);
    expect(gatewayAnswer.headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    expect(gatewayAnswer.headers['x-content-type-options']).toBe('nosniff');
    expect(gatewayAnswer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('adds HSTS only behind HTTPS', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await buildTestApp({
      config: testAppConfig(),
      store: t.store.store,
      keys: testServerKeys(),
      trustProxy: true,
    });
    try {
      const https = await behindProxy.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(https.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      // The gateway's front sends its own headers (surfaces/gateway/front.ts): the same rule holds.
      const gatewayUrl = '/api/deployments/abcdefgh/api/v5/clients';
      const gatewayHttps = await behindProxy.inject({ method: 'GET', url: gatewayUrl, headers: { 'x-forwarded-proto': 'https' } });
      expect(gatewayHttps.statusCode).toBe(401);
      expect(gatewayHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(gatewayHttps.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
      // Without a trusted proxy, a client saying https is not believed.
      const untrusted = await t.app.inject({ method: 'GET', url: gatewayUrl, headers: { 'x-forwarded-proto': 'https' } });
      expect(untrusted.headers['strict-transport-security']).toBeUndefined();
      const cookie = await behindProxy.inject({
        method: 'POST',
        url: '/api/console/setup',
        headers: {
          'x-forwarded-proto': 'https',
          host: 'k.test',
          origin: 'https://k.test',
          'x-keyward-csrf': '1',
          'content-type': 'application/json',
        },
        payload: JSON.stringify({
          organizationName: 'Acme',
          email: 'root@example.com',
          password: 'correct horse battery staple',
        }),
      });
      expect(cookie.headers['set-cookie']).toMatch(/; Secure/);
    } finally {
      await behindProxy.close();
    }
  });
});

describe("the gateway's front: what Fastify applies to its requests applies to the Deployment API's", () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  async function forwarding() {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const key = await keyFor(root, deployment.id, [...CLIENTS_READ, { method: 'GET', path: '/clients/{clientid}' }]);
    t.logs.rememberSecret(key.appSecret);
    return { root, deployment, key };
  }

  it('closes every answer\'s connection while draining, refused and forwarded alike', async () => {
    const { deployment, key } = await forwarding();
    t.app.startDraining();
    const forwarded = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers.connection).toBe('close');
    const refused = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients' });
    expect(refused.status).toBe(401);
    expect(refused.headers.connection).toBe('close');
    const denied = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/subscriptions', key });
    expect(denied.status).toBe(403);
    expect(denied.headers.connection).toBe('close');
  });

  it('finishes a request in flight when the server closes, and sends a later one elsewhere (503)', async () => {
    const { deployment, key } = await forwarding();
    const app = t.app;
    const inFlight = gatewayCall(app, { deploymentId: deployment.id, path: '/api/v5/clients/slow', key });
    await expect.poll(() => upstream.seen.some((request) => request.url.endsWith('/clients/slow'))).toBe(true);
    const closed = app.close();
    const late = await gatewayCall(app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    expect(late.status).toBe(503);
    expect(late.body).toMatchObject({ code: 'DRAINING' });
    expect(late.headers.connection).toBe('close');
    expect(late.headers['retry-after']).toBe('5');
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.raw.toString()).toBe('late');
    await closed;
  });

  it('refuses a Deployment API target that only the router would decode, forwarding nothing', async () => {
    const { deployment, key } = await forwarding();
    const before = upstream.seen.length;
    const basic = `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}`;
    const encoded = await t.app.inject({ method: 'GET', url: `/api/%64eployments/${deployment.id}/api/v5/clients`, headers: { authorization: basic } });
    expect(encoded.statusCode).toBe(400);
    expect(encoded.json()).toMatchObject({ code: 'INVALID_PATH' });
    expect(upstream.seen.length).toBe(before);
  });
});

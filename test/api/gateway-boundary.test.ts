import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../contract/endpoint-catalog';
import type { ConsoleClient } from '../support/console-client';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment, createPlatformKey } from '../support/platform-client';
import { rawRequest } from '../support/raw-http';
import { useTestApp, type TestContext } from '../support/test-app';
import { startUpstream } from '../support/upstream';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
let hostile: Server;
let hostileUrl = '';

beforeAll(async () => {
  upstream = await startUpstream();
  // An upstream a Project Administrator controls, answering a page meant to run on Keyward's origin.
  hostile = createServer((request, response) => {
    const json = request.url?.includes('json=1');
    response.writeHead(200, {
      'content-type': json ? 'application/json' : 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'unsafe-inline'",
      'content-security-policy-report-only': "default-src 'none'",
      'set-cookie': 'keyward_session=stolen; Path=/',
      'clear-site-data': '"cookies"',
      refresh: '0; url=https://evil.example',
      link: '<https://evil.example/x.js>; rel=preload; as=script',
      'strict-transport-security': 'max-age=0',
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      'x-content-type-options': 'sniff',
      'cross-origin-resource-policy': 'cross-origin',
      'content-disposition': 'inline',
      'x-upstream': 'hostile',
    });
    response.end(json ? '{"ok":true}' : '<script>fetch("/api/console/users",{method:"POST"})</script>');
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await upstream.close();
  hostile.closeAllConnections();
  await new Promise((resolve) => hostile.close(resolve));
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function keyFor(t: TestContext, root: ConsoleClient, deploymentId: string, permissions: Permission[]) {
  const response = await root.post(`/api/console/deployments/${deploymentId}/keys`, { permissions });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  t.logs.rememberSecret(response.body.appSecret);
  return response.body as { id: string; appId: string; appSecret: string };
}

/** A deployment forwarding to `upstreamUrl`, and a key of it holding GRANTS. */
async function keyedDeployment(t: TestContext, upstreamUrl: string) {
  const root = await t.setupRoot();
  const deployment = await createDeployment(root, { upstreamUrl });
  return { root, deployment, key: await keyFor(t, root, deployment.id, GRANTS) };
}

const GRANTS: Permission[] = [
  { method: 'DELETE', path: '/authentication/{id}/users/{user_id}' },
  { method: 'GET', path: '/clients/{clientid}' },
  { method: 'GET', path: '/clients' },
];

describe('gateway paths: refused before they leave Keyward', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, gatewayFailuresPerAddress: 100_000 });

  async function listening() {
    const { root, deployment, key } = await keyedDeployment(t, upstream.url);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const call = (method: string, path: string, headers: [string, string][] = []) =>
      rawRequest(port, { method, target: `/api/deployments/${deployment.id}${path}`, headers: [['Authorization', basic(key.appId, key.appSecret)], ...headers] });
    return { root, deployment, key, port, call };
  }

  it.each([
    ['/api/v5/authentication/../users/admin', 'dot_segment'],
    ['/api/v5/authentication/%2e%2e/users/admin', 'dot_segment'],
    ['/api/v5/authentication/%2E%2e/users/admin', 'dot_segment'],
    ['/api/v5/authentication/./users/admin', 'dot_segment'],
    ['/api/v5/authentication/x/users/a%2F..%2F..%2Fusers', 'dot_segment'],
    ['/api/v5/authentication/x/users/..%2fadmin', 'dot_segment'],
    ['/api/v5/authentication//users/admin', 'empty_segment'],
    ['/api/v5/clients/dev-1/', 'empty_segment'],
    ['/api/v5/authentication/x%5C..%5Cusers/users/admin', 'backslash'],
    ['/api/v5/authentication/x\\..\\users/users/admin', 'backslash'],
    ['/api/v5/clients/a%00b', 'control_character'],
    ['/api/v5/clients/a%0d%0aX-Injected:%201', 'control_character'],
    ['/api/v5/clients/%C0%AE%C0%AE', 'bad_encoding'],
    // A `%` that starts no escape is a raw character (canonical-path.ts), as the console's Test access says too.
    ['/api/v5/clients/a%zz', 'bad_character'],
    ['/api/v5/clients/a{b}', 'bad_character'],
  ])('%s: 400 INVALID_PATH (%s), nothing forwarded', async (path, reason) => {
    const { call } = await listening();
    const before = upstream.seen.length;
    const answer = await call('DELETE', path);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'INVALID_PATH', details: { reason } });
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses an absolute-form request target', async () => {
    const { deployment, key, port } = await listening();
    const answer = await rawRequest(port, {
      method: 'GET',
      target: `http://evil.example/api/deployments/${deployment.id}/api/v5/clients`,
      headers: [['Authorization', basic(key.appId, key.appSecret)]],
    });
    expect(answer.status).toBe(400);
  });

  it('matches literal segments case-sensitively: a changed case is not the granted endpoint', async () => {
    const { call } = await listening();
    const before = upstream.seen.length;
    expect((await call('GET', '/api/v5/Clients')).status).toBe(404);
    expect((await call('GET', '/API/v5/clients')).status).toBe(404);
    expect(upstream.seen.length).toBe(before);
  });

  it('forwards the canonical path, whatever the case of the escapes or the encoding of a literal', async () => {
    const { call } = await listening();
    for (const path of ['/api/v5/%63lients/d%65v-1', '/api/v5/clients/dev%2d1', '/api/v5/clients/dev%2D1', '/%61pi/v5/clients/dev-1']) {
      const answer = await call('GET', path);
      expect(answer.status, path).toBe(200);
      expect(JSON.parse(answer.body).url, path).toBe('/api/v5/clients/dev-1');
    }
  });

  it.each([
    ['a/b', 'a%2Fb'],
    ['a b', 'a%20b'],
    ['a+b', 'a%2Bb'],
    ['#', '%23'],
    ['设备-1', '%E8%AE%BE%E5%A4%87-1'],
    ['a:b@c', 'a%3Ab%40c'],
    ['%2e%2e', '%252e%252e'],
  ])('accepts the odd client ID %j and forwards it as one parameter (%s)', async (clientId, forwarded) => {
    const { call } = await listening();
    const answer = await call('GET', `/api/v5/clients/${encodeURIComponent(clientId)}`);
    expect(answer.status).toBe(200);
    const url = JSON.parse(answer.body).url as string;
    expect(url).toBe(`/api/v5/clients/${forwarded}`);
    expect(decodeURIComponent(url.split('/').pop()!)).toBe(clientId);
  });

  it('passes the query string on as sent, and never routes by it', async () => {
    const { call } = await listening();
    const answer = await call('GET', '/api/v5/clients?path=/api/v5/users/admin&x=%2e%2e');
    expect(JSON.parse(answer.body).url).toBe('/api/v5/clients?path=/api/v5/users/admin&x=%2e%2e');
    expect((await call('DELETE', '/api/v5/clients?/../users/admin')).status).toBe(405);
  });

  it.each(['HEAD', 'OPTIONS', 'PATCH', 'TRACE', 'PROPFIND'])('answers %s with 405 and Allow, forwarding nothing', async (method) => {
    const { call } = await listening();
    const before = upstream.seen.length;
    const answer = await call(method, '/api/v5/clients/dev-1');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toMatch(/GET/);
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses two Authorization headers with 400', async () => {
    const { call, root, deployment } = await listening();
    const other = await keyFor(t, root, deployment.id, [{ method: 'GET', path: '/clients' }]);
    const before = upstream.seen.length;
    for (const second of [basic(other.appId, other.appSecret), 'Bearer x']) {
      const answer = await call('GET', '/api/v5/clients', [['authorization', second]]);
      expect(answer.status).toBe(400);
    }
    expect(upstream.seen.length).toBe(before);
  });
});

describe('gateway headers', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('never passes on what changes what the upstream does or believes, and says who the client is', async () => {
    const { deployment, key } = await keyedDeployment(t, upstream.url);
    const answer = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/clients',
      key,
      headers: {
        'x-http-method-override': 'DELETE',
        'x-http-method': 'DELETE',
        'x-method-override': 'DELETE',
        forwarded: 'for=6.6.6.6;host=evil;proto=https',
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        'x-forwarded-prefix': '/admin',
        'x-real-ip': '6.6.6.6',
        'proxy-authorization': 'Basic eDp5',
        'proxy-anything': '1',
        cookie: 'keyward_session=abc',
        'x-keyward-csrf': '1',
        'x-trace': 'kept',
      },
    });
    expect(answer.status).toBe(200);
    const seen = answer.body.headers as Record<string, string>;
    for (const name of ['x-http-method-override', 'x-http-method', 'x-method-override', 'forwarded', 'x-real-ip', 'proxy-authorization', 'proxy-anything', 'cookie', 'x-keyward-csrf', 'x-forwarded-prefix']) {
      expect(seen[name], name).toBeUndefined();
    }
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(seen['x-forwarded-host']).not.toBe('evil.example');
    // The upstream's own host and port, never the one the client named.
    expect(seen.host).toBe(new URL(upstream.url).host);
    expect(seen['x-trace']).toBe('kept');
    expect(answer.body.method).toBe('GET');
  });

  it('keeps its own security headers over a hostile upstream, drops its cookies, and offers its page as a download', async () => {
    const { deployment, key } = await keyedDeployment(t, hostileUrl);
    const page = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    expect(page.headers['x-upstream']).toBe('hostile');
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(page.headers['content-disposition']).toBe('attachment');
    for (const name of ['set-cookie', 'clear-site-data', 'refresh', 'link', 'strict-transport-security', 'access-control-allow-origin', 'access-control-allow-credentials', 'content-security-policy-report-only']) {
      expect(page.headers[name], name).toBeUndefined();
    }
    const json = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients?json=1', key });
    expect(json.body).toEqual({ ok: true });
    expect(json.headers['content-disposition']).toBeUndefined();
    expect(json.headers['set-cookie']).toBeUndefined();
  });
});

describe('gateway request bodies over a real connection', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  /** Sends `chunks` one write at a time, with whatever framing `headers` ask for. */
  async function send(port: number, path: string, authorization: string, headers: Record<string, string>, chunks: string[]) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port, method: 'DELETE', path, headers: { authorization, ...headers } }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      outgoing.on('error', reject);
      const write = () => {
        for (const chunk of chunks) outgoing.write(chunk);
        outgoing.end();
      };
      if (headers.expect) outgoing.on('continue', write);
      else write();
    });
  }

  it('forwards a chunked body, a body after 100-continue, and no body, each exactly as sent', async () => {
    const { deployment, key } = await keyedDeployment(t, upstream.url);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const path = `/api/deployments/${deployment.id}/api/v5/authentication/x/users/u1`;
    const authorization = basic(key.appId, key.appSecret);
    const cases: [Record<string, string>, string[], number][] = [
      [{ 'transfer-encoding': 'chunked' }, ['{"a":', '1', '}'], 7],
      [{ 'content-length': '11', expect: '100-continue' }, ['hello', ' world'], 11],
      [{ 'content-length': '0' }, [], 0],
      [{}, [], 0],
    ];
    for (const [headers, chunks, bytes] of cases) {
      const before = upstream.seen.length;
      const answer = await send(port, path, authorization, headers, chunks);
      expect(answer.status, JSON.stringify(headers)).toBe(200);
      expect(upstream.seen.slice(before).map((seen) => [seen.method, seen.url, seen.bodyBytes])).toEqual([['DELETE', '/api/v5/authentication/x/users/u1', bytes]]);
      expect(upstream.seen.at(-1)!.headers.expect).toBeUndefined();
    }
  });
});

describe('gateway forwarding behind a trusted proxy', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, trustProxy: true });

  it("sets X-Forwarded-For to the client address the proxy reported, and only that", async () => {
    const { deployment, key } = await keyedDeployment(t, upstream.url);
    const answer = await gatewayCall(t.app, {
      deploymentId: deployment.id,
      path: '/api/v5/clients',
      key,
      headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' },
    });
    expect(answer.body.headers['x-forwarded-for']).toBe('203.0.113.9');
    expect(answer.body.headers['x-forwarded-proto']).toBe('https');
  });
});

describe('gateway credentials', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, gatewayFailuresPerAddress: 100_000, gatewayFailuresPerAppId: 5 });

  it('gives every spelling of one credential one cache entry, or a 401', async () => {
    const { deployment, key } = await keyedDeployment(t, upstream.url);
    const token = Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64');
    expect((await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key })).status).toBe(200);
    const statuses = new Map<number, number>();
    for (let index = 0; index < 5_000; index++) {
      const scheme = [...'Basic'].map((char, at) => ((index >> at) & 1 ? char.toUpperCase() : char.toLowerCase())).join('');
      const spaces = ' '.repeat(1 + (index % 3));
      const padding = '='.repeat((index >> 2) % 4);
      const trailing = ['', ' ', '\t', '  '][(index >> 4) % 4]!;
      const answer = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', authorization: `${scheme}${spaces}${token}${padding}${trailing}` });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].sort()).toEqual([200, 401]);
    expect(t.app.services.gateway.cacheSizes().credentials).toBe(1);
  }, 60_000);

  it('never lets failures for an App ID block its right secret', async () => {
    const { deployment, key } = await keyedDeployment(t, upstream.url);
    const wrong = { appId: key.appId, appSecret: 'kwds_wrong' };
    const statuses: number[] = [];
    for (let index = 0; index < 20; index++) {
      statuses.push((await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key: wrong })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    // Never verified before, in the middle of the flood: the right secret still works.
    expect((await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key })).status).toBe(200);
    expect((await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key: wrong })).status).toBe(429);
  });
});

describe('ids on the console and Platform API', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('refuses encoded dot segments and slashes in :id parameters as unknown ids (404), on both surfaces', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const platformKey = await createPlatformKey(root);
    t.logs.rememberSecret(platformKey.secret);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    for (const id of ['%2e%2e', '..%2f..%2fusers', `${deployment.id}%2F..`, `${deployment.id}%00`, `..%5C${deployment.id}`]) {
      const platform = await rawRequest(port, { method: 'GET', target: `/public_api/v1/deployments/${id}`, headers: [['Authorization', basic(platformKey.key, platformKey.secret)]] });
      expect(platform.status, id).toBe(404);
      const console = await rawRequest(port, { method: 'GET', target: `/api/console/deployments/${id}`, headers: [['Cookie', `keyward_session=${root.cookie}`]] });
      expect(console.status, id).toBe(404);
    }
  });
});

describe('the gateway on its own origin (KEYWARD_GATEWAY_ORIGIN)', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, gatewayOrigin: 'http://gateway.k.test' });

  it('serves the Deployment API only there, and the console only elsewhere', async () => {
    const { deployment, key } = await keyedDeployment(t, upstream.url);
    const onConsoleHost = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    expect(onConsoleHost.status).toBe(421);
    expect(onConsoleHost.body).toMatchObject({ code: 'MISDIRECTED_REQUEST', message: expect.stringContaining('http://gateway.k.test') });
    const onGatewayHost = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key, headers: { host: 'gateway.k.test' } });
    expect(onGatewayHost.status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/console/session', headers: { host: 'gateway.k.test' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/healthz', headers: { host: 'gateway.k.test' } })).statusCode).toBe(200);
  });
});

describe('gateway answers over a real connection', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });
  let broken: Server;
  let brokenUrl = '';
  /** Settles when the upstream's endless answer is closed by the other side. */
  let endlessClosed: Promise<'closed before the end'>;

  beforeAll(async () => {
    let closed: (value: 'closed before the end') => void;
    endlessClosed = new Promise((resolve) => (closed = resolve));
    // An upstream that misbehaves on purpose, by path.
    broken = createServer((request, response) => {
      const chunk = Buffer.alloc(16 * 1024, 120);
      if (request.url!.endsWith('/endless')) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.on('close', () => closed('closed before the end'));
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', pump);
        };
        return pump();
      }
      // Promises more than it sends, then drops the connection: small answers are read whole
      // before Keyward answers, large ones are already streaming.
      const declared = request.url!.endsWith('/cut-small') ? 1000 : 1024 * 1024;
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': declared });
      response.write(declared === 1000 ? chunk.subarray(0, 10) : Buffer.concat([chunk, chunk, chunk, chunk, chunk, chunk, chunk]), () => response.socket!.destroy());
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    broken.closeAllConnections();
    await new Promise((resolve) => broken.close(resolve));
  });

  /** GETs `path` through Keyward; `onFirstBytes` may stop early by destroying the request. */
  async function get(path: string, onFirstBytes?: (outgoing: ReturnType<typeof httpRequest>) => void) {
    const { deployment, key } = await keyedDeployment(t, brokenUrl);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    return new Promise<{ status: number; bytes: number; complete: boolean; body: string }>((resolve) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, path: `/api/deployments/${deployment.id}/api/v5/clients/${path}`, headers: { authorization: basic(key.appId, key.appSecret) } },
        (response) => {
          const chunks: Buffer[] = [];
          const done = () => {
            const body = Buffer.concat(chunks);
            resolve({ status: response.statusCode ?? 0, bytes: body.length, complete: response.complete, body: body.toString('utf8') });
          };
          response.on('data', (data: Buffer) => {
            if (chunks.push(data) === 1) onFirstBytes?.(outgoing);
          });
          response.on('end', done).on('error', done).on('close', done);
        },
      );
      outgoing.on('error', () => undefined);
      outgoing.end();
    });
  }

  it('stops reading the upstream when the client goes away mid-answer', async () => {
    const answer = await get('endless', (outgoing) => outgoing.destroy());
    expect(answer.status).toBe(200);
    expect(await endlessClosed).toBe('closed before the end');
  });

  it('answers 502 when a small answer breaks off before Keyward has sent anything', async () => {
    const answer = await get('cut-small');
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'UPSTREAM_UNREACHABLE' });
  });

  it('cuts the client off when a streaming answer breaks off, never ending it as if whole', async () => {
    const answer = await get('cut-large');
    expect(answer.status).toBe(200);
    expect(answer.complete).toBe(false);
    expect(answer.bytes).toBeLessThan(1024 * 1024);
  });
});

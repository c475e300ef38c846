import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../support/db-snapshot';
import { createDeployment, createPlatformKey } from '../support/platform-client';
import { TEST_HOST } from '../support/console-client';
import { useTestApp } from '../support/test-app';

const DOCUMENTED = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 502, 503]);

// Values meant to break parsers and object handling: deep nesting, prototype keys, odd unicode.
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 4, withBigInt: false }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constant('x'.repeat(20_000)),
  fc.array(fc.constant({ method: 'GET', path: '/clients' }), { maxLength: 3 }),
);
const hostileBody = fc.oneof(
  hostileValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ maxLength: 300 }),
  fc.constant('{"note": "unterminated'),
  fc.constant('\u0000\u0001\uffff'),
);
const hostileSegment = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.constantFrom('..', '%2e%2e', '%00', '__proto__', 'constructor', '00000000-0000-4000-8000-000000000000', 'a'.repeat(300)),
);
const hostileQuery = fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 50 }), { maxKeys: 4 });

describe('hostile input on every console, Platform API and gateway route', () => {
  const t = useTestApp({ perAddress: 100_000, platformReadsPerHour: 100_000, platformFailuresPerAddress: 100_000, gatewayFailuresPerAddress: 100_000 });

  it('answers with a documented status and the error shape, never 500, and changes nothing when it refuses', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const key = await createPlatformKey(root);
    const appKey = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
    t.logs.rememberSecret(key.secret);
    t.logs.rememberSecret(appKey.appSecret);
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

    const routes: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: (segment: string) => string; auth: 'console' | 'platform' | 'gateway' }[] = [
      { method: 'POST', path: () => '/api/console/setup', auth: 'console' },
      { method: 'POST', path: () => '/api/console/session', auth: 'console' },
      { method: 'POST', path: () => '/api/console/users', auth: 'console' },
      { method: 'PATCH', path: (s) => `/api/console/users/${s}`, auth: 'console' },
      { method: 'DELETE', path: (s) => `/api/console/users/${s}`, auth: 'console' },
      { method: 'POST', path: () => '/api/console/projects', auth: 'console' },
      { method: 'PATCH', path: (s) => `/api/console/projects/${s}`, auth: 'console' },
      { method: 'PUT', path: (s) => `/api/console/projects/${s}/members/${s}`, auth: 'console' },
      { method: 'GET', path: () => '/api/console/deployments', auth: 'console' },
      { method: 'POST', path: () => '/api/console/deployments', auth: 'console' },
      { method: 'PATCH', path: (s) => `/api/console/deployments/${s}`, auth: 'console' },
      { method: 'POST', path: (s) => `/api/console/deployments/${s}/stop`, auth: 'console' },
      { method: 'PUT', path: () => `/api/console/deployments/${deployment.id}/tls`, auth: 'console' },
      { method: 'POST', path: () => `/api/console/deployments/${deployment.id}/keys`, auth: 'console' },
      { method: 'PUT', path: (s) => `/api/console/deployments/${deployment.id}/keys/${s}`, auth: 'console' },
      { method: 'POST', path: () => '/api/console/platform-keys', auth: 'console' },
      { method: 'PATCH', path: (s) => `/api/console/platform-keys/${s}`, auth: 'console' },
      { method: 'GET', path: () => '/api/console/audit-events', auth: 'console' },
      { method: 'POST', path: () => '/api/console/session/second-factor', auth: 'console' },
      { method: 'POST', path: () => '/api/console/session/passkey', auth: 'console' },
      { method: 'GET', path: () => '/api/console/sso/callback', auth: 'console' },
      { method: 'POST', path: () => '/api/console/account/totp/confirm', auth: 'console' },
      { method: 'DELETE', path: () => '/api/console/account/totp', auth: 'console' },
      { method: 'POST', path: () => '/api/console/account/passkeys', auth: 'console' },
      { method: 'DELETE', path: (s) => `/api/console/account/passkeys/${s}`, auth: 'console' },
      { method: 'POST', path: () => '/api/console/account/password', auth: 'console' },
      { method: 'POST', path: (s) => `/api/console/users/${s}/reset-two-factor`, auth: 'console' },
      { method: 'PUT', path: () => '/api/console/settings/two-factor-policy', auth: 'console' },
      { method: 'PUT', path: () => '/api/console/settings/sso', auth: 'console' },
      { method: 'GET', path: (s) => `/public_api/v1/deployments/${s}`, auth: 'platform' },
      { method: 'POST', path: () => `/public_api/v1/deployments/${deployment.id}/tls`, auth: 'platform' },
      { method: 'PUT', path: (s) => `/public_api/v1/deployments/${s}/tls`, auth: 'platform' },
      { method: 'POST', path: () => `/public_api/v1/deployments/${deployment.id}/legacy-api-keys`, auth: 'platform' },
      { method: 'GET', path: (s) => `/api/deployments/${deployment.id}/api/v5/${s}`, auth: 'gateway' },
      { method: 'POST', path: (s) => `/api/deployments/${s}/api/v5/publish`, auth: 'gateway' },
    ];

    let before = await snapshotDatabase(t.store.store);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(hostileSegment, hostileBody, hostileQuery, fc.boolean(), async (segment, body, query, jsonType) => {
          const search = new URLSearchParams(query).toString();
          const url = `${route.path(encodeURIComponent(segment))}${search ? `?${search}` : ''}`;
          const headers: Record<string, string> = {
            host: TEST_HOST,
            origin: `http://${TEST_HOST}`,
            'x-keyward-csrf': '1',
            'content-type': jsonType ? 'application/json' : 'text/plain; charset=utf-8',
            'x-unicode-header': encodeURIComponent('✓ 🚀 \u202e'),
          };
          if (route.auth === 'console' && root.cookie) headers.cookie = `keyward_session=${root.cookie}`;
          if (route.auth === 'platform') headers.authorization = basic(key.key, key.secret);
          if (route.auth === 'gateway') headers.authorization = basic(appKey.appId, appKey.appSecret);
          const response = await t.app.inject({ method: route.method, url, headers, ...(route.method === 'GET' ? {} : { payload: body }) });
          const status = response.statusCode;
          expect(status, `${route.method} ${url} -> ${response.body.slice(0, 200)}`).not.toBe(500);
          if (status >= 400) {
            expect(DOCUMENTED.has(status), `${route.method} ${url} answered ${status}`).toBe(true);
            const parsed = JSON.parse(response.body) as { code: unknown; message: unknown };
            expect(typeof parsed.code).toBe('string');
            expect(typeof parsed.message).toBe('string');
            expect(await snapshotDatabase(t.store.store)).toBe(before);
          } else {
            before = await snapshotDatabase(t.store.store);
          }
        }),
        { numRuns: 12 },
      );
    }
    // Nothing reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);
});

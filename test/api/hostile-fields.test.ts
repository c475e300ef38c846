import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCa, makeLeaf } from '../support/certificates';
import { TEST_HOST } from '../support/console-client';
import { snapshotDatabase } from '../support/db-snapshot';
import { createDeployment, createPlatformKey } from '../support/platform-client';
import { PASSWORD, ROOT_EMAIL, useTestApp } from '../support/test-app';

const DOCUMENTED = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 502, 503]);

// Strings that break databases, logs and eyes: NUL and other controls, lone surrogates, bidi
// and zero-width characters, alone and inside otherwise good values, and anything in Unicode.
// The known troublemakers, tried in every field of every route; random ones after them.
const KNOWN_HOSTILE = [
  '\u0000',
  'a\u0000b',
  '\u0001\u001f',
  'x\u007f',
  'a\u0085b',
  '\ud800',
  'a\udc00b',
  '\u202eadmin',
  'ad\u200bmin',
  '\u2066x\u2069',
  '\ufeff',
  'e\u0301',
  '\r\n',
  '%00',
  '\\u0000',
];
const hostileString = fc.oneof(
  fc.constantFrom(...KNOWN_HOSTILE),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc
    .tuple(
      fc.constantFrom('name', 'a@example.com', 'http://10.0.0.1:18083'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
    )
    .map(([good, bad]) => `${good}${bad}`),
);

type Surface = 'console' | 'anonymous' | 'platform';
interface HostileRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  surface: Surface;
  /** A valid body: each field in turn gets a hostile value. */
  body?: Record<string, unknown>;
  /** Query fields that get a hostile value. */
  query?: string[];
}

describe('hostile strings in every field of every route', () => {
  const t = useTestApp({
    deploymentTransitionMs: 0,
    perAccount: 100_000,
    perAddress: 100_000,
    platformReadsPerHour: 100_000,
    platformFailuresPerAddress: 100_000,
  });

  it('never answer 500, always in the error shape, change nothing when refused, and leave nothing secret-shaped in the log', async () => {
    const root = await t.setupRoot();
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id as string;
    const deployment = await createDeployment(root);
    const v4 = await createDeployment(root, { type: 'dedicated_v4', name: 'legacy' });
    const user = (
      await root.post('/api/console/users', {
        email: 'someone@example.com',
        role: 'auditor',
        password: PASSWORD,
      })
    ).body;
    const appKey = (
      await root.post(`/api/console/deployments/${deployment.id}/keys`, {
        note: 'n',
        permissions: [{ method: 'GET', path: '/clients' }],
      })
    ).body;
    const platformKey = await createPlatformKey(root, {
      scopes: [
        'deployment_management',
        'tls_certificate_management',
        'project_management',
        'legacy_key_import',
      ],
    });
    t.logs.rememberSecret(appKey.appSecret);
    t.logs.rememberSecret(platformKey.secret);
    const leaf = await makeLeaf(await makeCa());
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

    const routes: HostileRoute[] = [
      {
        method: 'POST',
        url: '/api/console/session',
        surface: 'anonymous',
        body: { email: ROOT_EMAIL, password: 'wrong password here' },
      },
      {
        method: 'POST',
        url: '/api/console/setup',
        surface: 'anonymous',
        body: { organizationName: 'Acme', email: 'x@example.com', password: PASSWORD },
      },
      {
        method: 'POST',
        url: '/api/console/projects',
        surface: 'console',
        body: { name: 'p', description: 'd' },
      },
      {
        method: 'PATCH',
        url: `/api/console/projects/${projectId}`,
        surface: 'console',
        body: { name: 'default', description: 'd' },
      },
      {
        method: 'POST',
        url: '/api/console/users',
        surface: 'console',
        body: { email: 'new@example.com', name: 'New', role: 'auditor', password: PASSWORD },
      },
      {
        method: 'PATCH',
        url: `/api/console/users/${user.id}`,
        surface: 'console',
        body: { name: 'Someone' },
      },
      {
        method: 'POST',
        url: '/api/console/deployments',
        surface: 'console',
        body: {
          name: 'd',
          projectId,
          type: 'dedicated_v5',
          emqxVersion: '5.8.9',
          region: 'us-east-1',
          upstreamUrl: 'http://10.0.0.1:18083',
          upstreamApiKey: 'k',
          upstreamApiSecret: 's',
        },
      },
      {
        method: 'PATCH',
        url: `/api/console/deployments/${deployment.id}`,
        surface: 'console',
        body: { name: 'renamed' },
      },
      {
        method: 'PUT',
        url: `/api/console/deployments/${deployment.id}/upstream`,
        surface: 'console',
        body: { upstreamUrl: 'http://10.0.0.1:18083', upstreamApiKey: 'k', upstreamApiSecret: 's' },
      },
      {
        method: 'PUT',
        url: `/api/console/deployments/${deployment.id}/tls`,
        surface: 'console',
        body: { tlsType: 'one-way', cert: leaf.cert, key: leaf.key },
      },
      {
        method: 'POST',
        url: `/api/console/deployments/${deployment.id}/keys`,
        surface: 'console',
        body: { note: 'n', permissions: [{ method: 'GET', path: '/clients' }] },
      },
      {
        method: 'PUT',
        url: `/api/console/deployments/${deployment.id}/keys/${appKey.id}`,
        surface: 'console',
        body: { note: 'n', permissions: [{ method: 'GET', path: '/clients' }], version: 1 },
      },
      {
        method: 'POST',
        url: '/api/console/platform-keys',
        surface: 'console',
        body: { note: 'n', scopes: ['project_management'], projectIds: null },
      },
      {
        method: 'PATCH',
        url: `/api/console/platform-keys/${platformKey.id}`,
        surface: 'console',
        body: { note: 'n' },
      },
      {
        method: 'PATCH',
        url: `/api/console/deployments/${deployment.id}/keys/${appKey.id}/lifecycle`,
        surface: 'console',
        body: { expiresAt: null, allowedAddresses: ['10.0.0.0/8'] },
      },
      {
        method: 'POST',
        url: `/api/console/deployments/${deployment.id}/keys/${appKey.id}/roll`,
        surface: 'console',
        body: { graceSeconds: 3600 },
      },
      {
        method: 'PATCH',
        url: `/api/console/platform-keys/${platformKey.id}/lifecycle`,
        surface: 'console',
        body: { allowedAddresses: ['::1'] },
      },
      {
        method: 'PUT',
        url: '/api/console/settings/key-policy',
        surface: 'console',
        body: { maxKeyLifetimeDays: 30, allowNeverExpiring: true },
      },
      {
        method: 'POST',
        url: '/api/console/keys/find-by-secret',
        surface: 'console',
        body: { secret: 'kwps_x' },
      },
      {
        method: 'GET',
        url: '/api/console/deployments',
        surface: 'console',
        query: ['search', 'after'],
      },
      {
        method: 'GET',
        url: '/api/console/audit-events',
        surface: 'console',
        query: ['actor', 'action', 'target', 'after'],
      },
      {
        method: 'GET',
        url: '/api/console/audit-events.csv',
        surface: 'console',
        query: ['actor', 'action', 'target'],
      },
      {
        method: 'GET',
        url: `/api/console/deployments/${deployment.id}/keys/${appKey.id}/usage`,
        surface: 'console',
        query: ['range'],
      },
      {
        method: 'GET',
        url: '/api/console/deployment-keys',
        surface: 'console',
        query: ['search', 'deploymentId', 'projectId', 'createdBy', 'after'],
      },
      {
        method: 'POST',
        url: `/api/console/deployments/${deployment.id}/keys/test-access`,
        surface: 'console',
        body: { method: 'GET', path: '/clients/abc', permissions: [{ method: 'GET', path: '/clients/{clientid}' }] },
      },
      {
        method: 'POST',
        url: '/public_api/v1/deployments',
        surface: 'platform',
        body: { deploymentName: 'scripted', projectID: projectId, deploymentType: 'dedicated', version: 'v5', region: 'us-east-1', emqxVersion: '5.8.9' },
      },
      {
        method: 'POST',
        url: `/public_api/v1/deployments/${v4.id}/legacy-api-keys`,
        surface: 'platform',
        body: { appId: 'legacy_1', appSecret: 'a-legacy-secret-of-at-least-32-chars' },
      },
      {
        method: 'PUT',
        url: `/public_api/v1/deployments/${deployment.id}/tls`,
        surface: 'platform',
        body: { tlsType: 'one-way', cert: leaf.cert, key: leaf.key },
      },
    ];
    // Every field of every route: body fields (one nested permission field too) and query fields.
    const cases = routes.flatMap((route) => [
      ...Object.keys(route.body ?? {}).map((field) => ({ route, field, where: 'body' as const })),
      ...(route.body && 'permissions' in route.body
        ? [{ route, field: 'permissions.0.path', where: 'body' as const }]
        : []),
      ...(route.body && 'allowedAddresses' in route.body
        ? [{ route, field: 'allowedAddresses.0', where: 'body' as const }]
        : []),
      ...(route.query ?? []).map((field) => ({ route, field, where: 'query' as const })),
    ]);

    let before = await snapshotDatabase(t.store.store);
    const attempt = async ({ route, field, where }: (typeof cases)[number], value: string) => {
      const body = structuredClone(route.body ?? {});
      if (where === 'body') {
        const path = field.split('.');
        let target = body as Record<string, unknown>;
        for (const step of path.slice(0, -1)) target = target[step] as Record<string, unknown>;
        target[path.at(-1)!] = value;
      }
      const url =
        where === 'query' ? `${route.url}?${new URLSearchParams({ [field]: value })}` : route.url;
      const headers: Record<string, string> = {
        host: TEST_HOST,
        origin: `http://${TEST_HOST}`,
        'x-keyward-csrf': '1',
        'content-type': 'application/json',
      };
      if (route.surface === 'console' && root.cookie)
        headers.cookie = `keyward_session=${root.cookie}`;
      if (route.surface === 'platform')
        headers.authorization = basic(platformKey.key, platformKey.secret);
      const response = await t.app.inject({
        method: route.method,
        url,
        headers,
        ...(route.method === 'GET' ? {} : { payload: JSON.stringify(body) }),
      });
      const what = `${route.method} ${route.url} ${field}=${JSON.stringify(value)} -> ${response.statusCode} ${response.body.slice(0, 200)}`;
      expect(response.statusCode, what).not.toBe(500);
      if (response.statusCode >= 400) {
        expect(DOCUMENTED.has(response.statusCode), what).toBe(true);
        const parsed = JSON.parse(response.body) as { code: unknown; message: unknown };
        expect(typeof parsed.code, what).toBe('string');
        expect(typeof parsed.message, what).toBe('string');
        expect(await snapshotDatabase(t.store.store), what).toBe(before);
      } else {
        before = await snapshotDatabase(t.store.store);
      }
    };
    for (const known of cases) for (const value of KNOWN_HOSTILE) await attempt(known, value);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...cases), hostileString, attempt), {
      numRuns: 300,
    });

    // Credentials with hostile ids and secrets: 401 on both Basic surfaces, never a 500.
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, fc.boolean(), async (id, secret, gateway) => {
        const url = gateway
          ? `/api/deployments/${deployment.id}/api/v5/clients`
          : '/public_api/v1/deployments';
        const response = await t.app.inject({
          method: 'GET',
          url,
          headers: { authorization: basic(id || 'x', secret) },
        });
        expect([401, 429], `${url} ${JSON.stringify([id, secret])}`).toContain(response.statusCode);
      }),
      { numRuns: 200 },
    );
    t.logs.assertNoSecrets();
  }, 240_000);
});

import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointCatalog, Permission } from '../../contract/endpoint-catalog';
import { CONTROL_CHARACTER } from '../../contract/fields';
import { CATALOGS } from '../../server/permissions/catalogs';
import { createEndpointMatcher } from '../../server/permissions/endpoint-matcher';
import type { ConsoleClient } from '../support/console-client';
import { normaliseLikeNginx } from '../support/nginx-normalise';
import { createDeployment } from '../support/platform-client';
import { rawRequest } from '../support/raw-http';
import { useTestApp } from '../support/test-app';
import { startUpstream } from '../support/upstream';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

// The grants of the issue's report, and a few more: narrow, with parameters at every depth.
const V5_GRANTS: Permission[] = [
  { method: 'DELETE', path: '/authentication/{id}/users/{user_id}' },
  { method: 'GET', path: '/clients/{clientid}' },
  { method: 'GET', path: '/clients' },
  { method: 'GET', path: '/authentication/{id}/users' },
  { method: 'POST', path: '/publish' },
];
const V4_GRANTS: Permission[] = [
  { method: 'GET', path: '/clients/{clientid}' },
  { method: 'DELETE', path: '/clients/{clientid}' },
  { method: 'GET', path: '/' },
];

const templatesOf = (catalog: EndpointCatalog) =>
  catalog.categories.flatMap((category) => category.endpoints.map((endpoint) => `${catalog.basePath}${endpoint.path === '/' ? '/' : endpoint.path}`));

// Decoded parameter values: benign ones, MQTT's odd-but-legal client IDs, and the hostile ones.
const paramValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('dev-1', 'a', 'x1', 'sensor_42', 'admin', 'users', 'clients') },
  { weight: 3, arbitrary: fc.constantFrom('..', '.', '...', 'a/../b', '../admin', './x', 'a/b', 'a/', '/a', 'a b', 'a+b', '#', '%', '%2e%2e', '设备', 'a\\b', 'a\u0000b', 'a\nb', '\u202e', '') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
);

const hex = (byte: number, lower: boolean) => `%${byte.toString(16).padStart(2, '0')[lower ? 'toLowerCase' : 'toUpperCase']()}`;
const encodeAll = (value: string, lower: boolean) => [...Buffer.from(value, 'utf8')].map((byte) => hex(byte, lower)).join('');
const OVERLONG: Record<string, string> = { '.': '%C0%AE', '/': '%C0%AF', '\\': '%C1%9C' };

// Ways a client may put a value on the wire: raw, encoded in either case, twice, or overlong.
const encoding = fc.constantFrom<(value: string) => string>(
  (value) => value,
  (value) => encodeURIComponent(value),
  (value) => encodeAll(value, false),
  (value) => encodeAll(value, true),
  (value) => encodeURIComponent(encodeURIComponent(value)),
  (value) => [...value].map((char) => OVERLONG[char] ?? char).join(''),
  (value) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
);

const DOT_SEGMENTS = ['..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2e', '%2E', '%C0%AE%C0%AE', '%252e%252e'];
type Mutation = (segments: string[], at: number) => string[];
const mutation = fc.constantFrom<Mutation>(
  (s, at) => [...s.slice(0, at), '..', ...s.slice(at)],
  (s, at) => [...s.slice(0, at), DOT_SEGMENTS[at % DOT_SEGMENTS.length]!, ...s.slice(at)],
  (s, at) => [...s.slice(0, at), '.', ...s.slice(at)],
  (s, at) => [...s.slice(0, at), '', ...s.slice(at)],
  (s) => [...s, ''],
  (s, at) => s.map((segment, index) => (index === at ? segment.toUpperCase() : segment)),
  (s, at) => s.map((segment, index) => (index === at ? segment.replace(/%[0-9A-Fa-f]{2}/g, (e) => (e === e.toUpperCase() ? e.toLowerCase() : e.toUpperCase())) : segment)),
  (s, at) => [...s.slice(0, at), `${s[at] ?? ''}%2f${s[at + 1] ?? ''}`, ...s.slice(at + 2)],
  (s, at) => [...s.slice(0, at), `${s[at] ?? ''}\\${s[at + 1] ?? ''}`, ...s.slice(at + 2)],
  (s, at) => [...s.slice(0, at), `${s[at] ?? ''}%5C..%5C${s[at + 1] ?? ''}`, ...s.slice(at + 2)],
  (s, at) => s.map((segment, index) => (index === at ? `${segment}\t` : segment)),
);

const ANY_METHOD = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS');

// Half aimed at what the key holds (so that plenty goes through), half at anything in the catalog.
const hostileRequest = (catalog: EndpointCatalog, grants: Permission[]) =>
  fc.record({
    target: fc.oneof(
      fc.tuple(fc.constantFrom(...templatesOf(catalog)), ANY_METHOD),
      fc.tuple(fc.constantFrom(...grants), fc.boolean()).map(([grant, exact]) => [`${catalog.basePath}${grant.path === '/' ? '/' : grant.path}`, exact ? grant.method : 'GET'] as const),
    ),
    values: fc.array(fc.tuple(paramValue, encoding), { minLength: 3, maxLength: 3 }),
    mutations: fc.array(fc.tuple(mutation, fc.nat(8)), { maxLength: 2 }),
    query: fc.constantFrom('', '?limit=10', '?path=/api/v5/users/admin', '?a=..%2f..'),
  });

function buildTarget(deploymentId: string, template: string, request: { values: [string, (value: string) => string][]; mutations: [Mutation, number][]; query: string }): string {
  let parameter = 0;
  let segments = template
    .split('/')
    .slice(1)
    .map((segment) => {
      if (!/^\{[^}]+\}$/.test(segment)) return segment;
      const [value, encode] = request.values[parameter++ % request.values.length]!;
      return encode(value);
    });
  for (const [mutate, at] of request.mutations) segments = mutate(segments, Math.min(at, segments.length));
  return `/api/deployments/${deploymentId}/${segments.join('/')}${request.query}`;
}

describe('the gateway forwards exactly what it authorised (property, over real HTTP)', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, gatewayFailuresPerAddress: 1_000_000 });

  async function setUp(root: ConsoleClient, type: 'dedicated_v5' | 'dedicated_v4', grants: Permission[]) {
    const deployment = await createDeployment(root, { name: type, type, upstreamUrl: upstream.url });
    const created = await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: grants });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    t.logs.rememberSecret(created.body.appSecret);
    return { deployment, authorization: `Basic ${Buffer.from(`${created.body.appId}:${created.body.appSecret}`).toString('base64')}` };
  }

  it.each([
    ['dedicated_v5', 'emqx-v5', V5_GRANTS],
    ['dedicated_v4', 'emqx-v4', V4_GRANTS],
  ] as const)('on %s: every forwarded request is a granted (method, canonical path), raw and as nginx would read it', async (type, catalogId, grants) => {
    const root = await t.setupRoot();
    const { deployment, authorization } = await setUp(root, type, grants);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const matcher = createEndpointMatcher(CATALOGS[catalogId]);
    const granted = new Set(grants.map((grant) => `${grant.method} ${grant.path}`));

    /** The invariant, for a path as an upstream routes it. */
    const assertGranted = (method: string, path: string, what: string) => {
      const route = matcher.route(path);
      expect(route.outcome, what).toBe('matched');
      if (route.outcome !== 'matched') return;
      expect(route.canonicalPath, `${what}: forwarded bytes are the canonical path`).toBe(path);
      expect(granted.has(`${method} ${route.endpoint.path}`), `${what}: ${method} ${route.endpoint.path} is granted`).toBe(true);
    };

    let probe = 0;
    let forwarded = 0;
    await fc.assert(
      fc.asyncProperty(hostileRequest(CATALOGS[catalogId], grants), async (request) => {
        const id = `probe-${++probe}`;
        const [template, requestMethod] = request.target;
        const target = buildTarget(deployment.id, template, request);
        const seenBefore = upstream.seen.length;
        const answer = await rawRequest(port, { method: requestMethod, target, headers: [['Authorization', authorization], ['X-Probe', id]] });
        const reached = upstream.seen.slice(seenBefore).filter((seen) => seen.headers['x-probe'] === id);
        const what = `${requestMethod} ${JSON.stringify(target)} -> ${answer.status}`;
        expect(answer.status, what).not.toBe(500);
        if (answer.headers['x-upstream'] !== 'emqx') {
          expect(reached, `${what}: refused, yet it reached the upstream`).toHaveLength(0);
          return;
        }
        forwarded++;
        expect(reached, what).toHaveLength(1);
        const { method, url } = reached[0]!;
        expect(['GET', 'POST', 'PUT', 'DELETE']).toContain(method);
        const path = url.split('?')[0]!;
        assertGranted(method, path, `${what} forwarded as ${url}`);
        assertGranted(method, normaliseLikeNginx(path), `${what} forwarded as ${url}, normalised`);
        // A proxy on the way that decodes %2F (nginx with a URI in proxy_pass, merging slashes)
        // must reach no endpoint the key may not call.
        const decoded = matcher.route(path.replace(/%2F/gi, '/').replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1'));
        if (decoded.outcome === 'matched' && decoded.endpoint.methods.includes(method as never)) {
          expect(granted.has(`${method} ${decoded.endpoint.path}`), `${what} forwarded as ${url}, %2F decoded: ${decoded.endpoint.path}`).toBe(true);
        }
        // As sent: from the target's first `?`, which a raw `?` in a value also is.
        const sentQuery = target.includes('?') ? target.slice(target.indexOf('?')) : '';
        expect(url.slice(path.length), 'the query is passed on as sent').toBe(sentQuery);
      }),
      { numRuns: 700 },
    );
    // Not vacuous: plenty of the generated requests were granted and did go through.
    expect(forwarded).toBeGreaterThan(50);
  }, 120_000);

  it("answers the console's Test access exactly as the gateway answers the request itself, word for word", async () => {
    const root = await t.setupRoot();
    const { deployment, authorization } = await setUp(root, 'dedicated_v5', V5_GRANTS);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const STATUS_OF = { denied: 403, method_not_allowed: 405, not_found: 404, invalid_path: 400 } as const;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(hostileRequest(CATALOGS['emqx-v5'], V5_GRANTS), async (request) => {
        const [template, method] = request.target;
        // The raw request writes one byte per character (latin1): Test access is asked about those bytes.
        const target = Buffer.from(buildTarget(deployment.id, template, request), 'latin1').toString('latin1');
        const tested = await root.post(`/api/console/deployments/${deployment.id}/keys/test-access`, { method, path: target, permissions: V5_GRANTS });
        // Control characters are refused as input before anything is decided (422), as everywhere in the console.
        if (CONTROL_CHARACTER.test(target)) {
          expect(tested.status, target).toBe(422);
          return;
        }
        expect(tested.status, target).toBe(200);
        const answer = await rawRequest(port, { method, target, headers: [['Authorization', authorization]] });
        // Allowed means forwarded: whatever the upstream then answers.
        const gateway = answer.headers['x-upstream'] === 'emqx' ? 'allowed' : answer.status;
        const expected = tested.body.outcome === 'allowed' ? 'allowed' : STATUS_OF[tested.body.outcome as keyof typeof STATUS_OF];
        expect(gateway, `${method} ${JSON.stringify(target)}: ${tested.body.message}`).toBe(expected);
        // A refusal is told in the gateway's own words, with its status (a HEAD answer has no body;
        // a bad path may be stopped by the HTTP router before the gateway names its reason).
        if (gateway !== 'allowed' && expected !== 'allowed' && method !== 'HEAD' && tested.body.outcome !== 'invalid_path') {
          expect(tested.body.message).toBe(`${(JSON.parse(answer.body) as { message: string }).message} (${answer.status})`);
        }
        seen.add(tested.body.outcome);
      }),
      { numRuns: 250 },
    );
    // Not vacuous: every kind of answer came up.
    expect([...seen].sort()).toEqual(['allowed', 'denied', 'invalid_path', 'method_not_allowed', 'not_found']);
  }, 120_000);
});

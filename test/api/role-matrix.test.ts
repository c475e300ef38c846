import { gt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../contract/roles';
import { auditEvents } from '../../server/db/schema';
import { mayCall, type ConsoleRoute } from '../../server/surfaces/console/route-registry';
import { makeCa, makeLeaf } from '../support/certificates';
import type { ConsoleClient } from '../support/console-client';
import { createDeployment, createPlatformKey } from '../support/platform-client';
import { PASSWORD, ROOT_EMAIL, useTestApp } from '../support/test-app';

type Column = Role | 'anonymous';

interface Fixtures {
  victimId: string;
  projectId: string;
  memberId: string;
  /** A running Dedicated v5 deployment in a project the actor (if project-scoped) belongs to. */
  deploymentId: string;
  stoppedDeploymentId: string;
  platformKeyId: string;
  deploymentKeyId: string;
}

interface RouteCase {
  route: string;
  call(client: ConsoleClient, f: Fixtures): Promise<{ status: number }>;
  /** What a caller the route's declared access lets in gets (others get 401 or 403). */
  ok: number;
  /** The call uses no fixtures (the account's own routes): none are made for it. */
  own?: true;
  /** The call removes or changes a fixture others rely on: it gets fixtures of its own. */
  fresh?: true;
}

let counter = 0;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
/** A well-formed passkey answer that answers no challenge. */
const FAKE_PASSKEY = {
  challengeId: NO_SUCH_ID,
  response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'e30' }, clientExtensionResults: {} },
};

/**
 * Every Console API route, with a call and what a caller it lets in gets. Who it lets in is the
 * route registry's (each route's declared access), so the matrix below follows the registry.
 */
const ROUTES: RouteCase[] = [
  { route: 'GET /setup', call: (c) => c.get('/api/console/setup'), ok: 200 },
  {
    route: 'POST /setup',
    call: (c) => c.post('/api/console/setup', { organizationName: 'x', email: 'x@example.com', password: PASSWORD }),
    ok: 409,
  },
  { route: 'GET /session', call: (c) => c.get('/api/console/session'), ok: 200 },
  {
    route: 'GET /users',
    call: (c) => c.get('/api/console/users'),
    ok: 200,
  },
  {
    route: 'POST /users',
    call: (c) =>
      c.post('/api/console/users', { email: `new-${++counter}@example.com`, role: 'project_user', password: PASSWORD }),
    ok: 201,
  },
  { route: 'PATCH /users/:id', call: (c, f) => c.patch(`/api/console/users/${f.victimId}`, { name: 'Renamed' }), ok: 200 },
  { route: 'DELETE /users/:id', fresh: true, call: (c, f) => c.delete(`/api/console/users/${f.victimId}`), ok: 204 },
  { route: 'GET /projects', call: (c) => c.get('/api/console/projects'), ok: 200 },
  { route: 'POST /projects', call: (c) => c.post('/api/console/projects', { name: `p-${++counter}` }), ok: 201 },
  {
    route: 'PATCH /projects/:id',
    call: (c, f) => c.patch(`/api/console/projects/${f.projectId}`, { description: 'changed' }),
    ok: 200,
  },
  {
    route: 'PUT /projects/:id/members/:userId',
    call: (c, f) => c.put(`/api/console/projects/${f.projectId}/members/${f.victimId}`),
    ok: 200,
  },
  {
    route: 'DELETE /projects/:id/members/:userId',
    call: (c, f) => c.delete(`/api/console/projects/${f.projectId}/members/${f.memberId}`),
    ok: 200,
  },
  { route: 'GET /deployments', call: (c) => c.get('/api/console/deployments'), ok: 200 },
  {
    route: 'POST /deployments',
    call: (c, f) =>
      c.post('/api/console/deployments', { name: 'x', projectId: f.projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' }),
    ok: 201,
  },
  { route: 'GET /deployments/:id', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}`), ok: 200 },
  { route: 'PATCH /deployments/:id', call: (c, f) => c.patch(`/api/console/deployments/${f.deploymentId}`, { name: 'renamed' }), ok: 200 },
  { route: 'POST /deployments/:id/stop', fresh: true, call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/stop`), ok: 200 },
  { route: 'POST /deployments/:id/start', fresh: true, call: (c, f) => c.post(`/api/console/deployments/${f.stoppedDeploymentId}/start`), ok: 200 },
  { route: 'GET /deployments/:id/tls', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/tls`), ok: 200 },
  {
    route: 'PUT /deployments/:id/tls',
    call: (c, f) => c.put(`/api/console/deployments/${f.deploymentId}/tls`, { tlsType: 'one-way', cert: tls.cert, key: tls.key }),
    ok: 200,
  },
  { route: 'DELETE /deployments/:id/tls', fresh: true, call: (c, f) => c.delete(`/api/console/deployments/${f.stoppedDeploymentId}/tls`), ok: 204 },
  { route: 'GET /deployments/:id/keys', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/keys`), ok: 200 },
  { route: 'GET /deployment-keys', call: (c) => c.get('/api/console/deployment-keys'), ok: 200 },
  { route: 'GET /deployment-keys/:keyId', call: (c, f) => c.get(`/api/console/deployment-keys/${f.deploymentKeyId}`), ok: 200 },
  { route: 'GET /deployments/:id/usage', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/usage`), ok: 200 },
  { route: 'GET /deployments/:id/keys/usage', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/keys/usage`), ok: 200 },
  {
    route: 'GET /deployments/:id/keys/:keyId/usage',
    call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}/usage`),
    ok: 200,
  },
  { route: 'GET /platform-keys/usage', call: (c) => c.get('/api/console/platform-keys/usage'), ok: 200 },
  { route: 'GET /platform-keys/:id/usage', call: (c, f) => c.get(`/api/console/platform-keys/${f.platformKeyId}/usage`), ok: 200 },
  {
    route: 'POST /deployments/:id/keys/test-access',
    call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/keys/test-access`, { method: 'GET', path: '/clients', permissions: [] }),
    ok: 200,
  },
  {
    route: 'POST /deployments/:id/keys',
    call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] }),
    ok: 201,
  },
  {
    route: 'PUT /deployments/:id/keys/:keyId', fresh: true,
    call: (c, f) =>
      c.put(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}`, { note: 'n', permissions: [{ method: 'GET', path: '/clients' }], version: 1 }),
    ok: 200,
  },
  {
    route: 'DELETE /deployments/:id/keys/:keyId', fresh: true,
    call: (c, f) => c.delete(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}`),
    ok: 204,
  },
  { route: 'DELETE /deployments/:id', fresh: true, call: (c, f) => c.delete(`/api/console/deployments/${f.deploymentId}`), ok: 204 },
  { route: 'GET /platform-keys', call: (c) => c.get('/api/console/platform-keys'), ok: 200 },
  { route: 'GET /platform-keys/:id', call: (c, f) => c.get(`/api/console/platform-keys/${f.platformKeyId}`), ok: 200 },
  {
    route: 'POST /platform-keys',
    call: (c) => c.post('/api/console/platform-keys', { scopes: ['project_management'], projectIds: null }),
    ok: 201,
  },
  { route: 'PATCH /platform-keys/:id', call: (c, f) => c.patch(`/api/console/platform-keys/${f.platformKeyId}`, { note: 'n' }), ok: 200 },
  { route: 'DELETE /platform-keys/:id', fresh: true, call: (c, f) => c.delete(`/api/console/platform-keys/${f.platformKeyId}`), ok: 204 },
  { route: 'GET /audit-events', call: (c) => c.get('/api/console/audit-events'), ok: 200 },
  { route: 'GET /key-review', call: (c) => c.get('/api/console/key-review'), ok: 200 },
  {
    route: 'POST /key-review/:kind/:id',
    call: (c, f) => c.post(`/api/console/key-review/deployment/${f.deploymentKeyId}`),
    ok: 204,
  },
  { route: 'GET /audit-events.csv', call: (c) => c.get('/api/console/audit-events.csv'), ok: 200 },
  // The account's own security, settings and single sign-on.
  { route: 'GET /account/security', own: true, call: (c) => c.get('/api/console/account/security'), ok: 200 },
  { route: 'GET /account/sessions', own: true, call: (c) => c.get('/api/console/account/sessions'), ok: 200 },
  { route: 'GET /account/reauthentication', own: true, call: (c) => c.get('/api/console/account/reauthentication'), ok: 200 },
  {
    route: 'POST /account/reauthentication',
    own: true,
    call: (c) => c.post('/api/console/account/reauthentication', { method: 'password', password: PASSWORD }),
    ok: 200,
  },
  { route: 'POST /account/reauthentication-options', own: true, call: (c) => c.post('/api/console/account/reauthentication-options'), ok: 200 },
  { route: 'POST /account/totp', own: true, call: (c) => c.post('/api/console/account/totp'), ok: 200 },
  { route: 'POST /account/totp/confirm', own: true, call: (c) => c.post('/api/console/account/totp/confirm', { code: 'not-a-code' }), ok: 422 },
  { route: 'DELETE /account/totp', own: true, call: (c) => c.request('DELETE', '/api/console/account/totp', { code: '123456' }), ok: 404 },
  { route: 'POST /account/recovery-codes', own: true, call: (c) => c.post('/api/console/account/recovery-codes', { code: '123456' }), ok: 404 },
  { route: 'POST /account/passkeys/options', own: true, call: (c) => c.post('/api/console/account/passkeys/options'), ok: 200 },
  { route: 'POST /account/passkeys', own: true, call: (c) => c.post('/api/console/account/passkeys', { ...FAKE_PASSKEY, name: 'x' }), ok: 422 },
  {
    route: 'DELETE /account/passkeys/:id',
    own: true,
    call: (c) => c.request('DELETE', `/api/console/account/passkeys/${NO_SUCH_ID}`, { code: '123456' }),
    ok: 404,
  },
  {
    route: 'POST /account/password',
    own: true,
    call: (c) => c.post('/api/console/account/password', { currentPassword: 'not the password', newPassword: 'a brand new password 1' }),
    ok: 422,
  },
  { route: 'DELETE /account/sessions/:id', own: true, call: (c) => c.delete(`/api/console/account/sessions/${NO_SUCH_ID}`), ok: 404 },
  { route: 'POST /users/:id/reset-two-factor', call: (c, f) => c.post(`/api/console/users/${f.victimId}/reset-two-factor`), ok: 204 },
  { route: 'GET /settings/two-factor-policy', own: true, call: (c) => c.get('/api/console/settings/two-factor-policy'), ok: 200 },
  { route: 'PUT /settings/two-factor-policy', own: true, call: (c) => c.put('/api/console/settings/two-factor-policy', { policy: 'off' }), ok: 200 },
  { route: 'GET /settings/key-policy', own: true, call: (c) => c.get('/api/console/settings/key-policy'), ok: 200 },
  {
    route: 'PUT /settings/key-policy',
    own: true,
    call: (c) => c.put('/api/console/settings/key-policy', { maxKeyLifetimeDays: null, allowNeverExpiring: true }),
    ok: 200,
  },
  { route: 'GET /settings/sso', own: true, call: (c) => c.get('/api/console/settings/sso'), ok: 200 },
  {
    route: 'PUT /settings/sso',
    own: true,
    call: (c) => c.put('/api/console/settings/sso', { issuer: 'http://127.0.0.1:9/', clientId: 'x', clientSecret: 'y', allowedDomains: [], defaultRole: 'project_user', ssoOnly: false }),
    ok: 422,
  },
  { route: 'DELETE /settings/sso', own: true, call: (c) => c.delete('/api/console/settings/sso'), ok: 404 },
  { route: 'GET /sso', own: true, call: (c) => c.get('/api/console/sso'), ok: 200 },
  { route: 'GET /sso/start', own: true, call: (c) => c.get('/api/console/sso/start'), ok: 303 },
  { route: 'GET /sso/callback', own: true, call: (c) => c.get('/api/console/sso/callback?state=x&code=y'), ok: 303 },
  { route: 'GET /sso/reauthenticate', own: true, call: (c) => c.get('/api/console/sso/reauthenticate'), ok: 303 },
  { route: 'GET /openapi.json', own: true, call: (c) => c.get('/api/console/openapi.json'), ok: 200 },
  { route: 'GET /client-address', own: true, call: (c) => c.get('/api/console/client-address'), ok: 200 },
  { route: 'GET /keys/expiring-soon', own: true, call: (c) => c.get('/api/console/keys/expiring-soon'), ok: 200 },
  { route: 'POST /keys/find-by-secret', own: true, call: (c) => c.post('/api/console/keys/find-by-secret', { secret: 'nothing-like-a-key' }), ok: 200 },
  // Key lifecycle and upstreams.
  {
    route: 'PATCH /deployments/:id/keys/:keyId/lifecycle',
    call: (c, f) => c.patch(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}/lifecycle`, { disabled: false }),
    ok: 200,
  },
  {
    route: 'POST /deployments/:id/keys/:keyId/roll',
    call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}/roll`, { graceSeconds: 0 }),
    ok: 200,
  },
  { route: 'PATCH /platform-keys/:id/lifecycle', call: (c, f) => c.patch(`/api/console/platform-keys/${f.platformKeyId}/lifecycle`, { disabled: false }), ok: 200 },
  { route: 'POST /platform-keys/:id/roll', call: (c, f) => c.post(`/api/console/platform-keys/${f.platformKeyId}/roll`, { graceSeconds: 0 }), ok: 200 },
  { route: 'PUT /deployments/:id/upstream', call: (c, f) => c.put(`/api/console/deployments/${f.deploymentId}/upstream`, {}), ok: 200 },
  // Signed-out steps of a sign-in: nothing to continue from a full session or none.
  { route: 'POST /session/second-factor', own: true, call: (c) => c.post('/api/console/session/second-factor', { method: 'totp', code: '123456' }), ok: 401 },
  { route: 'POST /session/passkey-options', own: true, call: (c) => c.post('/api/console/session/passkey-options'), ok: 200 },
  { route: 'POST /session/passkey', own: true, call: (c) => c.post('/api/console/session/passkey', FAKE_PASSKEY), ok: 401 },
  // Sign-in and sign-out last: they replace or end the caller's session.
  { route: 'DELETE /account/sessions', own: true, call: (c) => c.delete('/api/console/account/sessions'), ok: 204 },
  { route: 'POST /session', own: true, call: (c) => c.signIn(ROOT_EMAIL, PASSWORD), ok: 200 },
  { route: 'DELETE /session', own: true, call: (c) => c.delete('/api/console/session'), ok: 204 },
];

let tls: { cert: string; key: string };

describe('role x route matrix of the Console API', () => {
  const t = useTestApp({ perAddress: 1000, deploymentTransitionMs: 0 });

  beforeAll(async () => {
    tls = await makeLeaf(await makeCa());
  });

  async function fixtures(root: ConsoleClient, actorId: string | undefined): Promise<Fixtures> {
    const victim = await root.post('/api/console/users', {
      email: `victim-${++counter}@example.com`,
      role: 'project_user',
      password: PASSWORD,
    });
    const member = await root.post('/api/console/users', {
      email: `member-${++counter}@example.com`,
      role: 'project_admin',
      password: PASSWORD,
    });
    const project = await root.post('/api/console/projects', { name: `project-${++counter}` });
    await root.put(`/api/console/projects/${project.body.id}/members/${member.body.id}`);
    if (actorId) await root.put(`/api/console/projects/${project.body.id}/members/${actorId}`);
    const deployment = await createDeployment(root, { projectId: project.body.id });
    const stopped = await createDeployment(root, { projectId: project.body.id });
    await root.post(`/api/console/deployments/${stopped.id}/stop`);
    await root.put(`/api/console/deployments/${stopped.id}/tls`, { tlsType: 'one-way', cert: tls.cert, key: tls.key });
    const key = await createPlatformKey(root);
    const deploymentKey = await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] });
    return {
      deploymentKeyId: deploymentKey.body.id,
      victimId: victim.body.id,
      projectId: project.body.id,
      memberId: member.body.id,
      deploymentId: deployment.id,
      stoppedDeploymentId: stopped.id,
      platformKeyId: key.id,
    };
  }

  const registry = () => new Map(t.app.consoleRoutes.map((route) => [`${route.method} ${route.url.replace(/^\/api\/console/, '')}`, route]));

  it('has a row for every route the console registers (the registry is the list)', async () => {
    expect(ROUTES.map((route) => route.route).sort()).toEqual([...registry().keys()].sort());
  });

  it('opens no change to every account but to its own sign-in and security (a wrong declaration shows here)', () => {
    const ownOrSignIn = /^\/(account|session|setup|sso)(\/|$)/;
    const openChanges = [...registry()].filter(([, route]) => route.method !== 'GET' && (route.access === 'public' || route.access === 'signedIn'));
    const beyondOwn = openChanges.map(([name]) => name).filter((name) => !ownOrSignIn.test(name.split(' ')[1]!));
    // Test access only answers what a draft of permissions would allow: it changes nothing.
    expect(beyondOwn).toEqual(['POST /deployments/:id/keys/test-access']);
  });

  function expectedStatus(registered: ConsoleRoute, ok: number, column: Column): number {
    if (registered.access === 'public') return ok;
    if (column === 'anonymous') return 401;
    return mayCall(registered.access, column) ? ok : 403;
  }

  async function auditActionsSince(id: number): Promise<{ last: number; actions: string[] }> {
    const rows = await t.store.store.db.select({ id: auditEvents.id, action: auditEvents.action }).from(auditEvents).where(gt(auditEvents.id, id)).orderBy(auditEvents.id);
    return { last: rows.at(-1)?.id ?? id, actions: rows.map((row) => row.action) };
  }

  const columns: Column[] = [...ROLES, 'anonymous'];
  it.each(columns)('%s gets what each route declares: its status, and only its declared audit actions', async (column) => {
    const root = await t.setupRoot();
    const signedIn = column === 'anonymous' ? undefined : await t.signedInAs(column, root);
    const actor = signedIn?.client ?? t.client();
    const projectScoped = column === 'project_admin' || column === 'project_user';
    const routes = registry();

    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    const undeclared: string[] = [];
    // One set of fixtures for the column, and fresh ones for the calls that use theirs up.
    const made = () => fixtures(root, projectScoped ? signedIn?.id : undefined);
    let shared: Fixtures | undefined;
    for (const route of ROUTES) {
      const f = route.own ? undefined : route.fresh ? await made() : (shared ??= await made());
      const registered = routes.get(route.route)!;
      const { last } = await auditActionsSince(0);
      const response = await route.call(actor, f as Fixtures);
      actual[route.route] = response.status;
      expected[route.route] = expectedStatus(registered, route.ok, column);
      // What the call recorded is what its route declares; a refused or failed call records nothing.
      const { actions } = await auditActionsSince(last);
      const succeeded = response.status >= 200 && response.status < 300;
      const declared: readonly string[] = registered.audit;
      if (actions.some((action) => !succeeded || !declared.includes(action))) undeclared.push(`${route.route}: ${actions.join(', ')}`);
      if (succeeded && declared.length > 0 && actions.length === 0) undeclared.push(`${route.route}: nothing recorded`);
    }
    expect(actual).toEqual(expected);
    expect(undeclared).toEqual([]);
  }, 120_000);

  it('documents every route with its access, roles, re-authentication and audit actions (OpenAPI)', async () => {
    const root = await t.setupRoot();
    const document = (await root.get('/api/console/openapi.json')).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    for (const route of t.app.consoleRoutes) {
      if (route.url.endsWith('/openapi.json')) continue;
      const path = route.url.replace(/^\/api\/console/, '').replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path}`).toMatchObject({
        'x-keyward-access': route.access,
        'x-keyward-roles': route.roles,
        'x-keyward-reauthentication': route.sensitive,
        'x-keyward-audit': route.audit,
      });
    }
    expect(document.paths['/platform-keys']?.post?.['x-keyward-roles']).toEqual(['root', 'admin']);
    expect(document.paths['/users/{id}/reset-two-factor']?.post?.['x-keyward-roles']).toEqual(['root']);
    expect((await t.client().get('/api/console/openapi.json')).status).toBe(401);
  });
});

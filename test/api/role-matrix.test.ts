import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../contract/roles';
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
  expected: Record<Column, number>;
  /** The call uses no fixtures (the account's own routes): none are made for it. */
  own?: true;
  /** The call removes or changes a fixture others rely on: it gets fixtures of its own. */
  fresh?: true;
}

const managers = (ok: number): Record<Column, number> => ({
  root: ok,
  admin: ok,
  project_admin: 403,
  project_user: 403,
  accountant: 403,
  auditor: 403,
  anonymous: 401,
});
const operators = (ok: number): Record<Column, number> => ({ ...managers(ok), project_admin: ok });
const configurers = (ok: number): Record<Column, number> => ({ ...operators(ok), project_user: ok });
const rootOnly = (ok: number): Record<Column, number> => ({ ...managers(ok), admin: 403 });
const everyone = (ok: number, anonymous = 401): Record<Column, number> => ({
  root: ok,
  admin: ok,
  project_admin: ok,
  project_user: ok,
  accountant: ok,
  auditor: ok,
  anonymous,
});

let counter = 0;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
/** A well-formed passkey answer that answers no challenge. */
const FAKE_PASSKEY = {
  challengeId: NO_SUCH_ID,
  response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'e30' }, clientExtensionResults: {} },
};

/** Every Console API route, and what each role gets from it. */
const ROUTES: RouteCase[] = [
  { route: 'GET /setup', call: (c) => c.get('/api/console/setup'), expected: everyone(200, 200) },
  {
    route: 'POST /setup',
    call: (c) => c.post('/api/console/setup', { organizationName: 'x', email: 'x@example.com', password: PASSWORD }),
    expected: everyone(409, 409),
  },
  { route: 'GET /session', call: (c) => c.get('/api/console/session'), expected: everyone(200) },
  {
    route: 'GET /users',
    call: (c) => c.get('/api/console/users'),
    expected: { ...managers(200), auditor: 200 },
  },
  {
    route: 'POST /users',
    call: (c) =>
      c.post('/api/console/users', { email: `new-${++counter}@example.com`, role: 'project_user', password: PASSWORD }),
    expected: managers(201),
  },
  { route: 'PATCH /users/:id', call: (c, f) => c.patch(`/api/console/users/${f.victimId}`, { name: 'Renamed' }), expected: managers(200) },
  { route: 'DELETE /users/:id', fresh: true, call: (c, f) => c.delete(`/api/console/users/${f.victimId}`), expected: managers(204) },
  { route: 'GET /projects', call: (c) => c.get('/api/console/projects'), expected: everyone(200) },
  { route: 'POST /projects', call: (c) => c.post('/api/console/projects', { name: `p-${++counter}` }), expected: managers(201) },
  {
    route: 'PATCH /projects/:id',
    call: (c, f) => c.patch(`/api/console/projects/${f.projectId}`, { description: 'changed' }),
    expected: managers(200),
  },
  {
    route: 'PUT /projects/:id/members/:userId',
    call: (c, f) => c.put(`/api/console/projects/${f.projectId}/members/${f.victimId}`),
    expected: managers(200),
  },
  {
    route: 'DELETE /projects/:id/members/:userId',
    call: (c, f) => c.delete(`/api/console/projects/${f.projectId}/members/${f.memberId}`),
    expected: managers(200),
  },
  { route: 'GET /deployments', call: (c) => c.get('/api/console/deployments'), expected: everyone(200) },
  {
    route: 'POST /deployments',
    call: (c, f) =>
      c.post('/api/console/deployments', { name: 'x', projectId: f.projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' }),
    expected: operators(201),
  },
  { route: 'GET /deployments/:id', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}`), expected: everyone(200) },
  { route: 'PATCH /deployments/:id', call: (c, f) => c.patch(`/api/console/deployments/${f.deploymentId}`, { name: 'renamed' }), expected: operators(200) },
  { route: 'POST /deployments/:id/stop', fresh: true, call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/stop`), expected: operators(200) },
  { route: 'POST /deployments/:id/start', fresh: true, call: (c, f) => c.post(`/api/console/deployments/${f.stoppedDeploymentId}/start`), expected: operators(200) },
  { route: 'GET /deployments/:id/tls', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/tls`), expected: everyone(200) },
  {
    route: 'PUT /deployments/:id/tls',
    call: (c, f) => c.put(`/api/console/deployments/${f.deploymentId}/tls`, { tlsType: 'one-way', cert: tls.cert, key: tls.key }),
    expected: configurers(200),
  },
  { route: 'DELETE /deployments/:id/tls', fresh: true, call: (c, f) => c.delete(`/api/console/deployments/${f.stoppedDeploymentId}/tls`), expected: configurers(204) },
  { route: 'GET /deployments/:id/keys', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/keys`), expected: everyone(200) },
  { route: 'GET /deployment-keys', call: (c) => c.get('/api/console/deployment-keys'), expected: everyone(200) },
  { route: 'GET /deployments/:id/usage', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/usage`), expected: everyone(200) },
  { route: 'GET /deployments/:id/keys/usage', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/keys/usage`), expected: everyone(200) },
  {
    route: 'GET /deployments/:id/keys/:keyId/usage',
    call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}/usage`),
    expected: everyone(200),
  },
  { route: 'GET /platform-keys/usage', call: (c) => c.get('/api/console/platform-keys/usage'), expected: managers(200) },
  { route: 'GET /platform-keys/:id/usage', call: (c, f) => c.get(`/api/console/platform-keys/${f.platformKeyId}/usage`), expected: managers(200) },
  {
    route: 'POST /deployments/:id/keys/test-access',
    call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/keys/test-access`, { method: 'GET', path: '/clients', permissions: [] }),
    expected: everyone(200),
  },
  {
    route: 'POST /deployments/:id/keys',
    call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] }),
    expected: configurers(201),
  },
  {
    route: 'PUT /deployments/:id/keys/:keyId', fresh: true,
    call: (c, f) =>
      c.put(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}`, { note: 'n', permissions: [{ method: 'GET', path: '/clients' }], version: 1 }),
    expected: configurers(200),
  },
  {
    route: 'DELETE /deployments/:id/keys/:keyId', fresh: true,
    call: (c, f) => c.delete(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}`),
    expected: configurers(204),
  },
  { route: 'DELETE /deployments/:id', fresh: true, call: (c, f) => c.delete(`/api/console/deployments/${f.deploymentId}`), expected: operators(204) },
  { route: 'GET /platform-keys', call: (c) => c.get('/api/console/platform-keys'), expected: managers(200) },
  {
    route: 'POST /platform-keys',
    call: (c) => c.post('/api/console/platform-keys', { scopes: ['project_management'], projectIds: null }),
    expected: managers(201),
  },
  { route: 'PATCH /platform-keys/:id', call: (c, f) => c.patch(`/api/console/platform-keys/${f.platformKeyId}`, { note: 'n' }), expected: managers(200) },
  { route: 'DELETE /platform-keys/:id', fresh: true, call: (c, f) => c.delete(`/api/console/platform-keys/${f.platformKeyId}`), expected: managers(204) },
  { route: 'GET /audit-events', call: (c) => c.get('/api/console/audit-events'), expected: { ...managers(200), auditor: 200 } },
  { route: 'GET /key-review', call: (c) => c.get('/api/console/key-review'), expected: { ...managers(200), auditor: 200 } },
  {
    route: 'POST /key-review/:kind/:id',
    call: (c, f) => c.post(`/api/console/key-review/deployment/${f.deploymentKeyId}`),
    expected: { ...managers(204), auditor: 204 },
  },
  { route: 'GET /audit-events.csv', call: (c) => c.get('/api/console/audit-events.csv'), expected: { ...managers(200), auditor: 200 } },
  // The account's own security, settings and single sign-on.
  { route: 'GET /account/security', own: true, call: (c) => c.get('/api/console/account/security'), expected: everyone(200) },
  { route: 'GET /account/sessions', own: true, call: (c) => c.get('/api/console/account/sessions'), expected: everyone(200) },
  { route: 'GET /account/reauthentication', own: true, call: (c) => c.get('/api/console/account/reauthentication'), expected: everyone(200) },
  {
    route: 'POST /account/reauthentication',
    own: true,
    call: (c) => c.post('/api/console/account/reauthentication', { method: 'password', password: PASSWORD }),
    expected: everyone(200),
  },
  { route: 'POST /account/reauthentication-options', own: true, call: (c) => c.post('/api/console/account/reauthentication-options'), expected: everyone(200) },
  { route: 'POST /account/totp', own: true, call: (c) => c.post('/api/console/account/totp'), expected: everyone(200) },
  { route: 'POST /account/totp/confirm', own: true, call: (c) => c.post('/api/console/account/totp/confirm', { code: 'not-a-code' }), expected: everyone(422) },
  { route: 'DELETE /account/totp', own: true, call: (c) => c.request('DELETE', '/api/console/account/totp', { code: '123456' }), expected: everyone(404) },
  { route: 'POST /account/recovery-codes', own: true, call: (c) => c.post('/api/console/account/recovery-codes', { code: '123456' }), expected: everyone(404) },
  { route: 'POST /account/passkeys/options', own: true, call: (c) => c.post('/api/console/account/passkeys/options'), expected: everyone(200) },
  { route: 'POST /account/passkeys', own: true, call: (c) => c.post('/api/console/account/passkeys', { ...FAKE_PASSKEY, name: 'x' }), expected: everyone(422) },
  {
    route: 'DELETE /account/passkeys/:id',
    own: true,
    call: (c) => c.request('DELETE', `/api/console/account/passkeys/${NO_SUCH_ID}`, { code: '123456' }),
    expected: everyone(404),
  },
  {
    route: 'POST /account/password',
    own: true,
    call: (c) => c.post('/api/console/account/password', { currentPassword: 'not the password', newPassword: 'a brand new password 1' }),
    expected: everyone(422),
  },
  { route: 'DELETE /account/sessions/:id', own: true, call: (c) => c.delete(`/api/console/account/sessions/${NO_SUCH_ID}`), expected: everyone(404) },
  { route: 'POST /users/:id/reset-two-factor', call: (c, f) => c.post(`/api/console/users/${f.victimId}/reset-two-factor`), expected: rootOnly(204) },
  { route: 'GET /settings/two-factor-policy', own: true, call: (c) => c.get('/api/console/settings/two-factor-policy'), expected: everyone(200) },
  { route: 'PUT /settings/two-factor-policy', own: true, call: (c) => c.put('/api/console/settings/two-factor-policy', { policy: 'off' }), expected: managers(200) },
  { route: 'GET /settings/key-policy', own: true, call: (c) => c.get('/api/console/settings/key-policy'), expected: everyone(200) },
  {
    route: 'PUT /settings/key-policy',
    own: true,
    call: (c) => c.put('/api/console/settings/key-policy', { maxKeyLifetimeDays: null, allowNeverExpiring: true }),
    expected: managers(200),
  },
  { route: 'GET /settings/sso', own: true, call: (c) => c.get('/api/console/settings/sso'), expected: managers(200) },
  {
    route: 'PUT /settings/sso',
    own: true,
    call: (c) => c.put('/api/console/settings/sso', { issuer: 'http://127.0.0.1:9/', clientId: 'x', clientSecret: 'y', allowedDomains: [], defaultRole: 'project_user', ssoOnly: false }),
    expected: managers(422),
  },
  { route: 'DELETE /settings/sso', own: true, call: (c) => c.delete('/api/console/settings/sso'), expected: managers(404) },
  { route: 'GET /sso', own: true, call: (c) => c.get('/api/console/sso'), expected: everyone(200, 200) },
  { route: 'GET /sso/start', own: true, call: (c) => c.get('/api/console/sso/start'), expected: everyone(303, 303) },
  { route: 'GET /sso/callback', own: true, call: (c) => c.get('/api/console/sso/callback?state=x&code=y'), expected: everyone(303, 303) },
  { route: 'GET /sso/reauthenticate', own: true, call: (c) => c.get('/api/console/sso/reauthenticate'), expected: everyone(303) },
  { route: 'GET /client-address', own: true, call: (c) => c.get('/api/console/client-address'), expected: everyone(200) },
  { route: 'GET /keys/expiring-soon', own: true, call: (c) => c.get('/api/console/keys/expiring-soon'), expected: everyone(200) },
  { route: 'POST /keys/find-by-secret', own: true, call: (c) => c.post('/api/console/keys/find-by-secret', { secret: 'nothing-like-a-key' }), expected: managers(200) },
  // Key lifecycle and upstreams.
  {
    route: 'PATCH /deployments/:id/keys/:keyId/lifecycle',
    call: (c, f) => c.patch(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}/lifecycle`, { disabled: false }),
    expected: configurers(200),
  },
  {
    route: 'POST /deployments/:id/keys/:keyId/roll',
    call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}/roll`, { graceSeconds: 0 }),
    expected: configurers(200),
  },
  { route: 'PATCH /platform-keys/:id/lifecycle', call: (c, f) => c.patch(`/api/console/platform-keys/${f.platformKeyId}/lifecycle`, { disabled: false }), expected: managers(200) },
  { route: 'POST /platform-keys/:id/roll', call: (c, f) => c.post(`/api/console/platform-keys/${f.platformKeyId}/roll`, { graceSeconds: 0 }), expected: managers(200) },
  { route: 'PUT /deployments/:id/upstream', call: (c, f) => c.put(`/api/console/deployments/${f.deploymentId}/upstream`, {}), expected: managers(200) },
  // Signed-out steps of a sign-in: nothing to continue from a full session or none.
  { route: 'POST /session/second-factor', own: true, call: (c) => c.post('/api/console/session/second-factor', { method: 'totp', code: '123456' }), expected: everyone(401, 401) },
  { route: 'POST /session/passkey-options', own: true, call: (c) => c.post('/api/console/session/passkey-options'), expected: everyone(200, 200) },
  { route: 'POST /session/passkey', own: true, call: (c) => c.post('/api/console/session/passkey', FAKE_PASSKEY), expected: everyone(401, 401) },
  // Sign-in and sign-out last: they replace or end the caller's session.
  { route: 'DELETE /account/sessions', own: true, call: (c) => c.delete('/api/console/account/sessions'), expected: everyone(204) },
  { route: 'POST /session', own: true, call: (c) => c.signIn(ROOT_EMAIL, PASSWORD), expected: everyone(200, 200) },
  { route: 'DELETE /session', own: true, call: (c) => c.delete('/api/console/session'), expected: everyone(204, 204) },
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

  it('has a row for every route the console registers (the registry is the list)', async () => {
    const registered = t.app.consoleRoutes.map((route) => `${route.method} ${route.url.replace(/^\/api\/console/, '')}`).sort();
    expect(ROUTES.map((route) => route.route).sort()).toEqual(registered);
  });

  const columns: Column[] = [...ROLES, 'anonymous'];
  it.each(columns)('%s gets the expected status from every route', async (column) => {
    const root = await t.setupRoot();
    const signedIn = column === 'anonymous' ? undefined : await t.signedInAs(column, root);
    const actor = signedIn?.client ?? t.client();
    const projectScoped = column === 'project_admin' || column === 'project_user';

    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    // One set of fixtures for the column, and fresh ones for the calls that use theirs up.
    const made = () => fixtures(root, projectScoped ? signedIn?.id : undefined);
    let shared: Fixtures | undefined;
    for (const route of ROUTES) {
      const f = route.own ? undefined : route.fresh ? await made() : (shared ??= await made());
      const response = await route.call(actor, f as Fixtures);
      actual[route.route] = response.status;
      expected[route.route] = route.expected[column];
    }
    expect(actual).toEqual(expected);
  }, 120_000);
});

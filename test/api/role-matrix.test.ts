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
  { route: 'DELETE /users/:id', call: (c, f) => c.delete(`/api/console/users/${f.victimId}`), expected: managers(204) },
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
  { route: 'POST /deployments/:id/stop', call: (c, f) => c.post(`/api/console/deployments/${f.deploymentId}/stop`), expected: operators(200) },
  { route: 'POST /deployments/:id/start', call: (c, f) => c.post(`/api/console/deployments/${f.stoppedDeploymentId}/start`), expected: operators(200) },
  { route: 'GET /deployments/:id/tls', call: (c, f) => c.get(`/api/console/deployments/${f.deploymentId}/tls`), expected: everyone(200) },
  {
    route: 'PUT /deployments/:id/tls',
    call: (c, f) => c.put(`/api/console/deployments/${f.deploymentId}/tls`, { tlsType: 'one-way', cert: tls.cert, key: tls.key }),
    expected: configurers(200),
  },
  { route: 'DELETE /deployments/:id/tls', call: (c, f) => c.delete(`/api/console/deployments/${f.stoppedDeploymentId}/tls`), expected: configurers(204) },
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
    route: 'PUT /deployments/:id/keys/:keyId',
    call: (c, f) =>
      c.put(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}`, { note: 'n', permissions: [{ method: 'GET', path: '/clients' }], version: 1 }),
    expected: configurers(200),
  },
  {
    route: 'DELETE /deployments/:id/keys/:keyId',
    call: (c, f) => c.delete(`/api/console/deployments/${f.deploymentId}/keys/${f.deploymentKeyId}`),
    expected: configurers(204),
  },
  { route: 'DELETE /deployments/:id', call: (c, f) => c.delete(`/api/console/deployments/${f.deploymentId}`), expected: operators(204) },
  { route: 'GET /platform-keys', call: (c) => c.get('/api/console/platform-keys'), expected: managers(200) },
  {
    route: 'POST /platform-keys',
    call: (c) => c.post('/api/console/platform-keys', { scopes: ['project_management'], projectIds: null }),
    expected: managers(201),
  },
  { route: 'PATCH /platform-keys/:id', call: (c, f) => c.patch(`/api/console/platform-keys/${f.platformKeyId}`, { note: 'n' }), expected: managers(200) },
  { route: 'DELETE /platform-keys/:id', call: (c, f) => c.delete(`/api/console/platform-keys/${f.platformKeyId}`), expected: managers(204) },
  { route: 'GET /audit-events', call: (c) => c.get('/api/console/audit-events'), expected: { ...managers(200), auditor: 200 } },
  { route: 'GET /key-review', call: (c) => c.get('/api/console/key-review'), expected: { ...managers(200), auditor: 200 } },
  {
    route: 'POST /key-review/:kind/:id',
    call: (c, f) => c.post(`/api/console/key-review/deployment/${f.deploymentKeyId}`),
    expected: { ...managers(204), auditor: 204 },
  },
  { route: 'GET /audit-events.csv', call: (c) => c.get('/api/console/audit-events.csv'), expected: { ...managers(200), auditor: 200 } },
  // Sign-in and sign-out last: they replace or end the caller's session.
  { route: 'POST /session', call: (c) => c.signIn(ROOT_EMAIL, PASSWORD), expected: everyone(200, 200) },
  { route: 'DELETE /session', call: (c) => c.delete('/api/console/session'), expected: everyone(204, 204) },
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

  const columns: Column[] = [...ROLES, 'anonymous'];
  it.each(columns)('%s gets the expected status from every route', async (column) => {
    const root = await t.setupRoot();
    const signedIn = column === 'anonymous' ? undefined : await t.signedInAs(column, root);
    const actor = signedIn?.client ?? t.client();
    const projectScoped = column === 'project_admin' || column === 'project_user';

    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const route of ROUTES) {
      const response = await route.call(actor, await fixtures(root, projectScoped ? signedIn?.id : undefined));
      actual[route.route] = response.status;
      expected[route.route] = route.expected[column];
    }
    expect(actual).toEqual(expected);
    // Fresh fixtures for every route: a column is dozens of requests and writes.
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../contract/roles';
import type { ConsoleClient } from '../support/console-client';
import { PASSWORD, ROOT_EMAIL, useTestApp } from '../support/test-app';

type Column = Role | 'anonymous';

interface Fixtures {
  victimId: string;
  projectId: string;
  memberId: string;
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
  // Sign-in and sign-out last: they replace or end the caller's session.
  { route: 'POST /session', call: (c) => c.signIn(ROOT_EMAIL, PASSWORD), expected: everyone(200, 200) },
  { route: 'DELETE /session', call: (c) => c.delete('/api/console/session'), expected: everyone(204, 204) },
];

describe('role x route matrix of the Console API', () => {
  const t = useTestApp({ perAddress: 1000 });

  async function fixtures(root: ConsoleClient): Promise<Fixtures> {
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
    return { victimId: victim.body.id, projectId: project.body.id, memberId: member.body.id };
  }

  const columns: Column[] = [...ROLES, 'anonymous'];
  it.each(columns)('%s gets the expected status from every route', async (column) => {
    const root = await t.setupRoot();
    const actor = column === 'anonymous' ? t.client() : (await t.signedInAs(column, root)).client;

    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const route of ROUTES) {
      const response = await route.call(actor, await fixtures(root));
      actual[route.route] = response.status;
      expected[route.route] = route.expected[column];
    }
    expect(actual).toEqual(expected);
  });
});

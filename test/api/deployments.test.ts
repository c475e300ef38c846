import { describe, expect, it } from 'vitest';
import { makeCa, makeLeaf } from '../support/certificates';
import { createDeployment } from '../support/platform-client';
import { useTestApp } from '../support/test-app';

describe('deployments in the console', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('creates a deployment with an upstream whose secret is stored encrypted and never returned', async () => {
    const root = await t.setupRoot();
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id;
    const upstreamSecret = 'upstream-secret-value-1234';
    t.logs.rememberSecret(upstreamSecret);
    const created = await root.post('/api/console/deployments', {
      name: 'factory',
      projectId,
      type: 'dedicated_v5',
      emqxVersion: '5.8.9',
      region: 'eu-central-1',
      upstreamUrl: 'http://127.0.0.1:18083',
      upstreamApiKey: 'upstream-key',
      upstreamApiSecret: upstreamSecret,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[a-z][0-9a-f]{7}$/),
      name: 'factory',
      projectName: 'default',
      platform: 'AWS',
      status: 'running',
      upstreamUrl: 'http://127.0.0.1:18083',
      hasUpstreamSecret: true,
    });
    const everything = JSON.stringify([created.body, (await root.get('/api/console/deployments')).body, (await root.get('/api/console/audit-events')).body]);
    expect(everything).not.toContain(upstreamSecret);
    const stored = await t.store.store.db.execute('select upstream_secret_sealed from deployments' as never);
    expect(JSON.stringify(stored)).not.toContain(upstreamSecret);
  });

  it.each([
    [{ type: 'dedicated_v4', emqxVersion: '5.8.9' }, 'emqxVersion'],
    [{ type: 'dedicated_v5', emqxVersion: '4.4.19' }, 'emqxVersion'],
    [{ upstreamUrl: 'http://127.0.0.1:18083' }, 'upstreamApiKey'],
    [{ upstreamUrl: 'ftp://example.com', upstreamApiKey: 'k', upstreamApiSecret: 's' }, 'upstreamUrl'],
    [{ region: 'moon-1' }, 'region'],
  ])('refuses %j with 422 naming %s and creates nothing', async (change, field) => {
    const root = await t.setupRoot();
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id;
    const response = await root.post('/api/console/deployments', {
      name: 'bad',
      projectId,
      type: 'dedicated_v5',
      emqxVersion: '5.8.9',
      region: 'us-east-1',
      ...change,
    });
    expect(response.status).toBe(422);
    expect(response.body.details.map((d: { path: string }) => d.path)).toContain(field);
    expect((await root.get('/api/console/deployments')).body.deployments).toEqual([]);
  });

  it('searches by name, id and project', async () => {
    const root = await t.setupRoot();
    const a = await createDeployment(root, { name: 'alpha-plant' });
    await createDeployment(root, { name: 'beta-fleet' });
    const names = async (search: string) =>
      (await root.get(`/api/console/deployments?search=${encodeURIComponent(search)}`)).body.deployments.map((d: { name: string }) => d.name);
    expect(await names('alpha')).toEqual(['alpha-plant']);
    expect(await names(a.id)).toEqual(['alpha-plant']);
    expect(await names('default')).toHaveLength(2);
    expect(await names('ALPHA-Plant')).toEqual(['alpha-plant']);
    expect(await names('a-p')).toEqual(['alpha-plant']);
    // LIKE's wildcards are taken literally.
    expect(await names('a_p')).toEqual([]);
    expect(await names('100%')).toEqual([]);
  });

  it('pages the list on the server, oldest first, with a cursor that survives searching', async () => {
    const root = await t.setupRoot();
    for (let i = 0; i < 7; i++) await createDeployment(root, { name: `fleet-${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { deployments: { name: string }[]; nextCursor: string | null } } = await root.get(
        `/api/console/deployments?limit=3${cursor ? `&after=${cursor}` : ''}`,
      );
      expect(page.body.deployments.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.deployments.map((d) => d.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `fleet-${i}`));

    await createDeployment(root, { name: 'other' });
    const searched: string[] = [];
    cursor = null;
    do {
      const page: { body: { deployments: { name: string }[]; nextCursor: string | null } } = await root.get(
        `/api/console/deployments?search=FLEET&limit=2${cursor ? `&after=${cursor}` : ''}`,
      );
      searched.push(...page.body.deployments.map((d) => d.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(searched).toEqual(seen);
    expect((await root.get('/api/console/deployments?limit=500')).status).toBe(422);
    expect((await root.get('/api/console/deployments?after=garbage')).status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ createdAt: '1', id: 'a1234567' })).toString('base64url');
    expect((await root.get(`/api/console/deployments?after=${forged}`)).status).toBe(400);
  });

  it('limits project roles to their projects: others are 404, as if they did not exist', async () => {
    const root = await t.setupRoot();
    const mine = (await root.post('/api/console/projects', { name: 'mine' })).body;
    const theirs = (await root.post('/api/console/projects', { name: 'theirs' })).body;
    const padmin = await t.signedInAs('project_admin', root);
    const puser = await t.signedInAs('project_user', root);
    await root.put(`/api/console/projects/${mine.id}/members/${padmin.id}`);
    await root.put(`/api/console/projects/${mine.id}/members/${puser.id}`);
    const inMine = await createDeployment(root, { name: 'in-mine', projectId: mine.id });
    const inTheirs = await createDeployment(root, { name: 'in-theirs', projectId: theirs.id });

    for (const member of [padmin, puser]) {
      const listed = (await member.client.get('/api/console/deployments')).body.deployments.map((d: { name: string }) => d.name);
      expect(listed).toEqual(['in-mine']);
      const searched = (await member.client.get('/api/console/deployments?search=in-')).body.deployments.map((d: { name: string }) => d.name);
      expect(searched).toEqual(['in-mine']);
      expect((await member.client.get(`/api/console/deployments/${inTheirs.id}`)).status).toBe(404);
      // A Project User may stop no deployment at all: its 403 is the same whether one exists or not.
      expect((await member.client.post(`/api/console/deployments/${inTheirs.id}/stop`)).status).toBe(member === padmin ? 404 : 403);
    }
    expect((await puser.client.post('/api/console/deployments/00000000-0000-4000-8000-000000000000/stop')).status).toBe(403);
    // Project Administrators operate their deployments; Project Users only use them.
    expect((await padmin.client.post(`/api/console/deployments/${inMine.id}/stop`)).body.status).toBe('stopped');
    expect((await puser.client.post(`/api/console/deployments/${inMine.id}/start`)).status).toBe(403);
    expect((await puser.client.get(`/api/console/deployments/${inMine.id}`)).body.permissions).toEqual({ operate: false, configure: true, upstream: false });
    // A Project Administrator creates deployments only in its own projects.
    const outside = await padmin.client.post('/api/console/deployments', {
      name: 'sneaky', projectId: theirs.id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1',
    });
    expect(outside.status).toBe(422);
    expect((await padmin.client.post('/api/console/deployments', {
      name: 'fine', projectId: mine.id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1',
    })).status).toBe(201);
  });

  it('manages the TLS certificate from the console, Project Users included, Accountants not', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const ca = await makeCa();
    const leaf = await makeLeaf(ca, { cn: 'broker.acme.io', dns: ['broker.acme.io'] });
    const projectId = deployment.projectId;
    const puser = await t.signedInAs('project_user', root);
    await root.put(`/api/console/projects/${projectId}/members/${puser.id}`);
    const accountant = await t.signedInAs('accountant', root);

    expect((await accountant.client.put(`/api/console/deployments/${deployment.id}/tls`, { tlsType: 'one-way', cert: leaf.cert, key: leaf.key })).status).toBe(403);
    const saved = await puser.client.put(`/api/console/deployments/${deployment.id}/tls`, { tlsType: 'one-way', cert: leaf.cert, key: leaf.key });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ tlsType: 'one-way', subject: 'CN=broker.acme.io', subjectAltNames: ['DNS:broker.acme.io'], expiresWithin30Days: false });
    expect(JSON.stringify(saved.body)).not.toContain('PRIVATE KEY');
    expect((await accountant.client.get(`/api/console/deployments/${deployment.id}/tls`)).body.certificate.fingerprint256).toBe(saved.body.fingerprint256);
    const raw = await t.store.store.db.execute('select key_sealed from tls_certificates' as never);
    expect(JSON.stringify(raw)).not.toContain('PRIVATE KEY');

    const soon = await makeLeaf(ca, { to: new Date(Date.now() + 10 * 86_400_000) });
    expect((await root.put(`/api/console/deployments/${deployment.id}/tls`, { tlsType: 'one-way', cert: soon.cert, key: soon.key })).body.expiresWithin30Days).toBe(true);
    expect((await root.delete(`/api/console/deployments/${deployment.id}/tls`)).status).toBe(204);
    expect((await root.get(`/api/console/deployments/${deployment.id}/tls`)).body.certificate).toBeNull();
  });

  it('deletes a deployment with its certificate', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    expect((await root.delete(`/api/console/deployments/${deployment.id}`)).status).toBe(204);
    expect((await root.get(`/api/console/deployments/${deployment.id}`)).status).toBe(404);
  });
});

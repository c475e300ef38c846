import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment, UPSTREAM_KEY, UPSTREAM_SECRET } from '../support/platform-client';
import { useTestApp } from '../support/test-app';
import { startUpstream } from '../support/upstream';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

const CLIENTS_READ = [{ method: 'GET', path: '/clients' }];

describe('where upstreams may point, with the default policy (no KEYWARD_UPSTREAM_ALLOW)', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, upstreamAllow: null });

  async function create(upstreamUrl: string) {
    const root = await t.setupRoot();
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id;
    const response = await root.post('/api/console/deployments', {
      name: 'target',
      projectId,
      type: 'dedicated_v5',
      emqxVersion: '5.8.9',
      region: 'us-east-1',
      upstreamUrl,
      upstreamApiKey: UPSTREAM_KEY,
      upstreamApiSecret: UPSTREAM_SECRET,
    });
    return { root, response };
  }

  it.each([
    'http://127.0.0.1:18083',
    'http://localhost:18083',
    'http://[::1]:18083',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0:18083',
  ])('refuses %s at save with 422 UPSTREAM_NOT_ALLOWED, creating nothing', async (url) => {
    const { root, response } = await create(url);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'UPSTREAM_NOT_ALLOWED', details: [{ path: 'upstreamUrl' }] });
    expect((await root.get('/api/console/deployments')).body.deployments).toEqual([]);
  });

  it('refuses an upstream URL with a user name or password, and never shows one', async () => {
    const { response } = await create('http://admin:hunter2@10.1.2.3:18083');
    expect(response.status).toBe(422);
    expect(response.body.details.map((issue: { path: string }) => issue.path)).toContain('upstreamUrl');
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('accepts a private-network upstream', async () => {
    const { response } = await create('http://10.1.2.3:18083');
    expect(response.status).toBe(201);
  });

  it('refuses at connection time a name that now resolves to loopback (DNS rebinding), and a stored loopback address', async () => {
    const { root, response } = await create('http://10.1.2.3:18083');
    const deployment = response.body;
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: CLIENTS_READ })).body;
    t.logs.rememberSecret(key.appSecret);
    const port = new URL(upstream.url).port;
    for (const stored of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      // As if the URL had been saved under another policy, or the name had resolved elsewhere then.
      await t.store.store.db.execute(`update deployments set upstream_url = '${stored}'` as never);
      t.app.services.gateway.clear();
      const before = upstream.seen.length;
      const answer = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
      expect(answer.status, stored).toBe(502);
      expect(answer.body.code).toBe('UPSTREAM_NOT_ALLOWED');
      expect(upstream.seen.length).toBe(before);
    }
  });
});

describe('who may set an upstream', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('lets only Root and Administrators set, change or see it; Project Administrators learn only that there is one', async () => {
    const root = await t.setupRoot();
    const padmin = await t.signedInAs('project_admin', root);
    const admin = await t.signedInAs('admin', root);
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id;
    await root.put(`/api/console/projects/${projectId}/members/${padmin.id}`);

    const request = {
      name: 'by-padmin',
      projectId,
      type: 'dedicated_v5',
      emqxVersion: '5.8.9',
      region: 'us-east-1',
      upstreamUrl: upstream.url,
      upstreamApiKey: UPSTREAM_KEY,
      upstreamApiSecret: UPSTREAM_SECRET,
    };
    expect((await padmin.client.post('/api/console/deployments', request)).status).toBe(403);
    const { upstreamUrl: _url, upstreamApiKey: _key, upstreamApiSecret: _secret, ...withoutUpstream } = request;
    const created = await padmin.client.post('/api/console/deployments', withoutUpstream);
    expect(created.status).toBe(201);
    expect(created.body.permissions.upstream).toBe(false);

    const change = { upstreamUrl: upstream.url, upstreamApiKey: UPSTREAM_KEY, upstreamApiSecret: UPSTREAM_SECRET };
    expect((await padmin.client.put(`/api/console/deployments/${created.body.id}/upstream`, change)).status).toBe(403);
    const changed = await admin.client.put(`/api/console/deployments/${created.body.id}/upstream`, change);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ upstreamUrl: upstream.url, hasUpstreamSecret: true, permissions: { upstream: true } });
    const seenByPadmin = await padmin.client.get(`/api/console/deployments/${created.body.id}`);
    expect(seenByPadmin.body).toMatchObject({ hasUpstream: true, upstreamUrl: null, upstreamApiKey: null });
    expect(JSON.stringify(seenByPadmin.body)).not.toContain(new URL(upstream.url).host);
    expect(JSON.stringify(seenByPadmin.body)).not.toContain(UPSTREAM_SECRET);

    const audit = (await root.get('/api/console/audit-events?action=deployment.upstream_change')).body.events;
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toEqual({ from: null, to: upstream.url });
  });

  it('takes a changed or removed upstream into use on the very next gateway request', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: CLIENTS_READ })).body;
    t.logs.rememberSecret(key.appSecret);
    const call = () => gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    expect((await call()).status).toBe(200);
    await root.put(`/api/console/deployments/${deployment.id}/upstream`, { upstreamUrl: `${upstream.url}/moved`, upstreamApiKey: 'other', upstreamApiSecret: 'other-secret' });
    const moved = await call();
    expect(moved.body.url).toBe('/moved/api/v5/clients');
    expect(moved.body.headers.authorization).toBe(`Basic ${Buffer.from('other:other-secret').toString('base64')}`);
    expect((await root.put(`/api/console/deployments/${deployment.id}/upstream`, {})).status).toBe(200);
    expect((await call()).body.code).toBe('UPSTREAM_NOT_CONFIGURED');
  });
});

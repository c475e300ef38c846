import { describe, expect, it } from 'vitest';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment } from '../support/platform-client';
import { useTestApp } from '../support/test-app';
import { startUpstream } from '../support/upstream';

describe('concurrency', () => {
  const t = useTestApp();

  it('lets exactly one of 20 simultaneous edits from the same version win; the stored key is the winner', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { note: 'start', permissions: [{ method: 'GET', path: '/clients' }] })).body;
    t.logs.rememberSecret(key.appSecret);
    const paths = ['/clients', '/nodes', '/stats', '/metrics', '/topics'];
    const edits = Array.from({ length: 20 }, (_, i) => ({ note: `edit ${i}`, permissions: [{ method: 'GET', path: paths[i % paths.length]! }], version: 1 }));
    const answers = await Promise.all(edits.map((edit) => root.put(`/api/console/deployments/${deployment.id}/keys/${key.id}`, edit)));
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(19);
    const stored = (await root.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys[0];
    expect(stored.note).toBe(winners[0]!.body.note);
    expect(stored.permissions).toEqual(winners[0]!.body.permissions);
  });

  it('never hands two administrators the same App ID or Key', async () => {
    const root = await t.setupRoot();
    const other = await t.signedInAs('admin', root);
    const deployment = await createDeployment(root);
    const body = { permissions: [{ method: 'GET', path: '/clients' }] };
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? root : other.client).post(`/api/console/deployments/${deployment.id}/keys`, body)),
    );
    for (const answer of created) t.logs.rememberSecret(answer.body.appSecret);
    expect(created.every((answer) => answer.status === 201)).toBe(true);
    expect(new Set(created.map((answer) => answer.body.appId)).size).toBe(20);
    const platform = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? root : other.client).post('/api/console/platform-keys', { scopes: ['project_management'], projectIds: null })),
    );
    for (const answer of platform) t.logs.rememberSecret(answer.body.secret);
    expect(new Set(platform.map((answer) => answer.body.key)).size).toBe(10);
  });

  it('refuses every request that starts after a delete has returned, while others are in flight', async () => {
    const upstream = await startUpstream();
    try {
      const root = await t.setupRoot();
      const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
      const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
      t.logs.rememberSecret(key.appSecret);
      const call = () => gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
      expect((await call()).status).toBe(200);
      let deleted = false;
      const late: Promise<number>[] = [];
      const all: Promise<number>[] = [];
      // Requests every 2 ms, before, during and after the delete, until 30 have started after it.
      const flood = (async () => {
        while (late.length < 30) {
          const startedAfterDelete = deleted;
          const answer = call().then((response) => response.status);
          all.push(answer);
          if (startedAfterDelete) late.push(answer);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await root.delete(`/api/console/deployments/${deployment.id}/keys/${key.id}`)).status).toBe(204);
      deleted = true;
      await flood;
      await Promise.all(all);
      const lateStatuses = await Promise.all(late);
      expect(lateStatuses.length).toBeGreaterThan(0);
      // Refused: 401, or 429 once the App ID has collected too many failures.
      expect(lateStatuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    } finally {
      await upstream.close();
    }
  });
});

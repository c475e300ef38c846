import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_OUTCOMES } from '../../contract/usage-outcomes';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment, createPlatformKey, PlatformClient } from '../support/platform-client';
import { useTestApp } from '../support/test-app';
import { withLastCharacterChanged } from '../support/tamper';
import { startUpstream } from '../support/upstream';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zero = Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, 0]));

describe('key usage: counted per key, endpoint, method and outcome, flushed, rolled up and pruned', () => {
  // Sessions outlive the months this test's clock jumps over.
  const t = useTestApp({ deploymentTransitionMs: 0, sessionIdleMs: 400 * DAY });

  async function scriptedMix() {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const created = await root.post(`/api/console/deployments/${deployment.id}/keys`, {
      note: 'counted',
      permissions: [
        { method: 'GET', path: '/clients' },
        { method: 'GET', path: '/clients/{clientid}' },
      ],
    });
    const key = created.body as { id: string; appId: string; appSecret: string };
    t.logs.rememberSecret(key.appSecret);
    const call = (path: string, options: { method?: string; secret?: string; from?: string } = {}) =>
      gatewayCall(t.app, {
        deploymentId: deployment.id,
        path,
        method: options.method,
        key: { appId: key.appId, appSecret: options.secret ?? key.appSecret },
        remoteAddress: options.from ?? '203.0.113.7',
      });
    const statuses = [
      ...(await Promise.all([1, 2, 3].map(() => call('/api/v5/clients')))).map((answer) => answer.status),
      (await call('/api/v5/clients/gone?status=404')).status,
      (await call('/api/v5/clients/broken?status=500', { from: '198.51.100.4' })).status,
      (await call('/api/v5/clients/a', { method: 'DELETE' })).status,
      (await call('/api/v5/clients/b', { method: 'DELETE' })).status,
      (await call('/api/v5/clients', { secret: withLastCharacterChanged(key.appSecret) })).status,
      (await call('/api/v5/clients/..%2Fadmin')).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 404, 500, 403, 403, 401, 400]);
    await root.post(`/api/console/deployments/${deployment.id}/stop`);
    expect((await call('/api/v5/clients')).status).toBe(503);
    await t.app.services.usage.flush();
    return { root, deployment, key };
  }

  it('counts a scripted mix exactly once flushed: outcomes, endpoints with refusals, client addresses', async () => {
    const { root, deployment, key } = await scriptedMix();
    const report = await root.get(`/api/console/deployments/${deployment.id}/keys/${key.id}/usage?range=24h`);
    expect(report.status).toBe(200);
    expect(report.body.totals).toEqual({ ...zero, success: 3, upstream_4xx: 1, upstream_5xx: 1, denied_403: 2, unauthorized_401: 1, bad_request: 1, unavailable_503: 1 });
    expect(report.body.points).toHaveLength(24);
    expect(report.body.points.at(-1).counts.success).toBe(3);
    expect(report.body.endpoints).toContainEqual({ method: 'DELETE', endpoint: '/clients/{clientid}', requests: 2, refused: 2 });
    expect(report.body.endpoints).toContainEqual({ method: 'GET', endpoint: '/clients', requests: 4, refused: 0 });
    // Refused before routing: counted with no endpoint.
    expect(report.body.endpoints).toContainEqual({ method: 'GET', endpoint: '', requests: 2, refused: 1 });
    expect(report.body.addresses.map((seen: { address: string }) => seen.address).sort()).toEqual(['198.51.100.4', '203.0.113.7']);
    expect(report.body.averageKeywardMs).toBeGreaterThan(0);
    expect(report.body.averageUpstreamMs).toBeGreaterThan(0);
    // Used vs granted: what went through (whatever the upstream said), not what was refused.
    expect(report.body.forwarded.map((row: { method: string; endpoint: string }) => `${row.method} ${row.endpoint}`).sort()).toEqual([
      'GET /clients',
      'GET /clients/{clientid}',
    ]);

    // The deployment's own totals, and the key list's sparkline.
    const overall = await root.get(`/api/console/deployments/${deployment.id}/usage?range=24h`);
    expect(overall.body.totals.success).toBe(3);
    const lines = await root.get(`/api/console/deployments/${deployment.id}/keys/usage`);
    // Served (forwarded, whatever the upstream said) on the line; denied and refused apart.
    expect(lines.body.keys[key.appId].servedHourly).toHaveLength(24);
    expect(lines.body.keys[key.appId].servedHourly.at(-1)).toBe(5);
    expect(lines.body.keys[key.appId].notServed).toBe(5);
    const inventory = await root.get('/api/console/deployment-keys');
    expect(inventory.body.keys.find((row: { appId: string }) => row.appId === key.appId).activity).toEqual(lines.body.keys[key.appId]);

    // A second flush with nothing new changes nothing; new requests add up.
    await t.app.services.usage.flush();
    expect((await root.get(`/api/console/deployments/${deployment.id}/keys/${key.id}/usage`)).body.totals).toEqual(report.body.totals);
  });

  it('rolls minutes up into hours after 48 hours, keeps hours 90 days, and keeps a deleted key\'s usage', async () => {
    const { root, deployment, key } = await scriptedMix();
    const url = `/api/console/deployments/${deployment.id}/usage`;
    const before = (await root.get(`${url}?range=7d`)).body.totals;
    t.clock.advance(49 * HOUR);
    await t.app.services.usage.rollUp();
    // Hours now: the same totals over 7 days, none in the last 24 hours.
    expect((await root.get(`${url}?range=7d`)).body.totals).toEqual(before);
    expect((await root.get(`${url}?range=24h`)).body.totals).toEqual(zero);
    // Rolling up again adds nothing twice.
    await t.app.services.usage.rollUp();
    expect((await root.get(`${url}?range=7d`)).body.totals).toEqual(before);
    const rows = await t.store.store.db.execute('select granularity, count(*)::int as n from key_usage group by granularity' as never);
    expect(JSON.stringify(rows)).not.toContain('minute');

    expect((await root.delete(`/api/console/deployments/${deployment.id}/keys/${key.id}`)).status).toBe(204);
    t.clock.advance(20 * DAY);
    expect((await root.get(`${url}?range=30d`)).body.totals).toEqual(before);
    t.clock.advance(80 * DAY);
    await t.app.services.usage.rollUp();
    expect((await root.get(`${url}?range=30d`)).body.totals).toEqual(zero);
  });

  it('shows usage only to those who may see the deployment', async () => {
    const { root, deployment, key } = await scriptedMix();
    const outsider = await t.signedInAs('project_user', root);
    expect((await outsider.client.get(`/api/console/deployments/${deployment.id}/keys/${key.id}/usage`)).status).toBe(404);
    expect((await outsider.client.get(`/api/console/deployments/${deployment.id}/usage`)).status).toBe(404);
    const auditor = await t.signedInAs('auditor', root);
    expect((await auditor.client.get(`/api/console/deployments/${deployment.id}/keys/${key.id}/usage`)).status).toBe(200);
    expect((await root.get(`/api/console/deployments/${deployment.id}/keys/${key.id}/usage?range=1y`)).status).toBe(422);
  });

  it('counts Platform API Key calls by route, refusals and wrong secrets included, for key managers only', async () => {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root, { scopes: ['deployment_management'] });
    t.logs.rememberSecret(key.secret);
    const client = PlatformClient.withKey(t.app, key);
    expect((await client.get('/deployments')).status).toBe(200);
    expect((await client.get('/deployments')).status).toBe(200);
    expect((await client.get('/projects')).status).toBe(403);
    expect((await PlatformClient.withKey(t.app, { ...key, secret: withLastCharacterChanged(key.secret) }).get('/deployments')).status).toBe(401);
    await t.app.services.usage.flush();
    const report = await root.get(`/api/console/platform-keys/${key.id}/usage`);
    expect(report.body.totals).toEqual({ ...zero, success: 2, denied_403: 1, unauthorized_401: 1 });
    expect(report.body.endpoints).toContainEqual({ method: 'GET', endpoint: '/deployments', requests: 3, refused: 1 });
    expect(report.body.endpoints).toContainEqual({ method: 'GET', endpoint: '/projects', requests: 1, refused: 1 });
    expect(report.body.averageKeywardMs).toBeGreaterThan(0);
    const line = (await root.get('/api/console/platform-keys/usage')).body.keys[key.key];
    expect(line.servedHourly.at(-1)).toBe(2);
    expect(line.notServed).toBe(2);
    const auditor = await t.signedInAs('auditor', root);
    expect((await auditor.client.get(`/api/console/platform-keys/${key.id}/usage`)).status).toBe(403);
  });
});

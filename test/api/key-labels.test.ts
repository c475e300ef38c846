import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../support/db-snapshot';
import { createDeployment } from '../support/platform-client';
import { useTestApp } from '../support/test-app';

const GRANT = [{ method: 'GET', path: '/clients' }];

interface Listed {
  id: string;
  appId: string;
  labels: Record<string, string>;
}

describe('labels on keys: set, changed, audited and filtered', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  async function newKey(root: Awaited<ReturnType<typeof t.setupRoot>>, deploymentId: string, labels: Record<string, string>) {
    const created = await root.post(`/api/console/deployments/${deploymentId}/keys`, { note: 'k', labels, permissions: GRANT });
    expect(created.status).toBe(201);
    t.logs.rememberSecret(created.body.appSecret);
    return created.body as Listed & { version: number };
  }

  it('keeps a Deployment API Key’s labels, replaces them on edit, and audits both in words', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { name: 'fleet' });
    const key = await newKey(root, deployment.id, { team: 'payments', env: 'prod' });
    expect(key.labels).toEqual({ team: 'payments', env: 'prod' });
    const url = `/api/console/deployments/${deployment.id}/keys/${key.id}`;
    // Sent without labels, an edit keeps them.
    const noteOnly = await root.put(url, { note: 'renamed', permissions: GRANT, version: 1 });
    expect(noteOnly.body.labels).toEqual({ team: 'payments', env: 'prod' });
    const relabelled = await root.put(url, { note: 'renamed', labels: { team: 'billing' }, permissions: GRANT, version: 2 });
    expect(relabelled.status).toBe(200);
    const listed = (await root.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys as Listed[];
    expect(listed[0]!.labels).toEqual({ team: 'billing' });
    const events = (await root.get('/api/console/audit-events?limit=3')).body.events as { action: string; details: Record<string, unknown> }[];
    expect(events.map((event) => [event.action, event.details.labels])).toEqual([
      ['deployment_key.update', { from: ['env=prod', 'team=payments'], to: ['team=billing'] }],
      ['deployment_key.update', undefined],
      ['deployment_key.create', { from: [], to: ['env=prod', 'team=payments'] }],
    ]);
  });

  it('keeps a Platform API Key’s labels and audits the change', async () => {
    const root = await t.setupRoot();
    const created = await root.post('/api/console/platform-keys', { scopes: ['deployment_management'], projectIds: null, labels: { owner: 'ci' } });
    expect(created.status).toBe(201);
    t.logs.rememberSecret(created.body.secret);
    expect(created.body.labels).toEqual({ owner: 'ci' });
    const edited = await root.patch(`/api/console/platform-keys/${created.body.id}`, { labels: { owner: 'ops', env: 'staging' } });
    expect(edited.body.labels).toEqual({ owner: 'ops', env: 'staging' });
    expect((await root.get('/api/console/platform-keys')).body.keys[0].labels).toEqual({ owner: 'ops', env: 'staging' });
    const [event] = (await root.get('/api/console/audit-events?limit=1')).body.events;
    expect(event).toMatchObject({ action: 'platform_key.update', details: { labels: { from: ['owner=ci'], to: ['env=staging', 'owner=ops'] } } });
  });

  it('refuses bad labels on every key route with 422 naming the label, and changes nothing', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { name: 'fleet' });
    const key = await newKey(root, deployment.id, { team: 'payments' });
    const platform = await root.post('/api/console/platform-keys', { scopes: ['deployment_management'], projectIds: null });
    t.logs.rememberSecret(platform.body.secret);
    const before = await snapshotDatabase(t.store.store);
    const bad = fc.oneof(
      fc.constant({ Team: 'x' }),
      fc.constant({ team: 'two words' }),
      fc.constant({ team: '' }),
      fc.constant({ 'team=x': 'y' }),
      fc.constant(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))),
      fc.record({ team: fc.string({ minLength: 65, maxLength: 80 }) }),
      fc.constant({ team: 42 }),
      fc.constant(['team=payments']),
    );
    await fc.assert(
      fc.asyncProperty(bad, fc.integer({ min: 0, max: 3 }), async (labels, route) => {
        const response = await [
          () => root.post(`/api/console/deployments/${deployment.id}/keys`, { note: 'x', labels, permissions: GRANT }),
          () => root.put(`/api/console/deployments/${deployment.id}/keys/${key.id}`, { note: 'x', labels, permissions: GRANT, version: 1 }),
          () => root.post('/api/console/platform-keys', { scopes: ['deployment_management'], projectIds: null, labels }),
          () => root.patch(`/api/console/platform-keys/${platform.body.id}`, { labels }),
        ][route]!();
        expect(response.status).toBe(422);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details.map((d: { path: string }) => d.path).join(' ')).toMatch(/^labels/);
      }),
      { numRuns: 24 },
    );
    expect(await snapshotDatabase(t.store.store)).toBe(before);
  });

  it('filters the API Keys inventory by label: name=value, a name alone, every term', async () => {
    const root = await t.setupRoot();
    const fleet = await createDeployment(root, { name: 'fleet' });
    const lab = await createDeployment(root, { name: 'lab' });
    const payProd = await newKey(root, fleet.id, { team: 'payments', env: 'prod' });
    const payDev = await newKey(root, lab.id, { team: 'payments', env: 'dev' });
    const ops = await newKey(root, lab.id, { team: 'ops' });
    await newKey(root, fleet.id, {});
    const appIds = async (label: string) =>
      ((await root.get(`/api/console/deployment-keys?label=${encodeURIComponent(label)}`)).body.keys as Listed[]).map((key) => key.appId).sort();
    expect(await appIds('team=payments')).toEqual([payProd.appId, payDev.appId].sort());
    expect(await appIds('team=payments env=prod')).toEqual([payProd.appId]);
    expect(await appIds('env')).toEqual([payProd.appId, payDev.appId].sort());
    expect(await appIds('team=ops, env')).toEqual([]);
    expect(await appIds('team=ops')).toEqual([ops.appId]);
    expect(await appIds("team=x' or 1=1 --")).toEqual([]);
    // Combined with the other filters.
    const inLab = (await root.get(`/api/console/deployment-keys?label=team%3Dpayments&deploymentId=${lab.id}`)).body.keys as Listed[];
    expect(inLab.map((key) => key.appId)).toEqual([payDev.appId]);
  });
});

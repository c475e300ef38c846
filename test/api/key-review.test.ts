import { describe, expect, it } from 'vitest';
import { MANY_GRANTS } from '../../contract/key-review';
import { CATALOGS } from '../../server/permissions/catalogs';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment } from '../support/platform-client';
import { useTestApp } from '../support/test-app';

const DAY = 24 * 3_600_000;
const MANY = CATALOGS['emqx-v5'].categories
  .flatMap((category) => category.endpoints.flatMap((endpoint) => endpoint.methods.map((method) => ({ method, path: endpoint.path }))))
  .slice(0, MANY_GRANTS + 1);

describe('Key review: keys worth a second look', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, sessionIdleMs: 400 * DAY });

  it('lists keys unused for 30 days, never expiring, with full access or many grants, or made by a disabled or removed account; marks them reviewed', async () => {
    const root = await t.setupRoot();
    // "Never expires" needs a policy that allows it (a new organisation's does not).
    expect((await root.put('/api/console/settings/key-policy', { maxKeyLifetimeDays: null, allowNeverExpiring: true })).status).toBe(200);
    const deployment = await createDeployment(root);
    const serverless = await createDeployment(root, { type: 'serverless', name: 'tiny' });
    const in90Days = new Date(t.clock.current + 90 * DAY).toISOString();
    const create = async (client: typeof root, deploymentId: string, body: object) => {
      const created = await client.post(`/api/console/deployments/${deploymentId}/keys`, { expiresAt: in90Days, ...body });
      expect(created.status).toBe(201);
      t.logs.rememberSecret(created.body.appSecret);
      return created.body as { id: string; appId: string; appSecret: string };
    };
    const forever = await create(root, deployment.id, { note: 'forever', permissions: [{ method: 'GET', path: '/clients' }], expiresAt: null });
    const broad = await create(root, deployment.id, { note: 'broad', permissions: MANY });
    const full = await create(root, serverless.id, {});
    const admin = await t.signedInAs('admin', root);
    const orphan = await create(admin.client, deployment.id, { note: 'orphan', permissions: [{ method: 'GET', path: '/clients' }] });
    const fresh = await create(root, deployment.id, { note: 'fresh', permissions: [{ method: 'GET', path: '/clients' }] });
    const everything = (
      await root.post('/api/console/platform-keys', {
        note: 'everything',
        scopes: ['deployment_management', 'tls_certificate_management', 'project_management', 'legacy_key_import'],
        projectIds: null,
        expiresAt: in90Days,
      })
    ).body as { id: string; key: string; secret: string };
    t.logs.rememberSecret(everything.secret);
    expect((await root.patch(`/api/console/users/${admin.id}`, { disabled: true })).status).toBe(200);

    const reasons = async () =>
      Object.fromEntries(((await root.get('/api/console/key-review')).body.keys as { label: string; reasons: string[] }[]).map((key) => [key.label, key.reasons]));
    expect(await reasons()).toEqual({
      [forever.appId]: ['never_expires'],
      [broad.appId]: ['many_grants'],
      [full.appId]: ['full_access'],
      [orphan.appId]: ['creator_gone'],
      [everything.key]: ['full_access'],
    });
    expect((await reasons())[fresh.appId]).toBeUndefined();

    // A disabled key says so (its reasons are unchanged).
    expect((await root.patch(`/api/console/deployments/${deployment.id}/keys/${broad.id}/lifecycle`, { disabled: true })).status).toBe(200);
    const listed = (await root.get('/api/console/key-review')).body.keys as { label: string; disabled: boolean }[];
    expect(Object.fromEntries(listed.map((key) => [key.label, key.disabled]))).toEqual({
      [forever.appId]: false,
      [broad.appId]: true,
      [full.appId]: false,
      [orphan.appId]: false,
      [everything.key]: false,
    });

    // A month later, only keys used meanwhile drop the "unused" mark.
    t.clock.advance(31 * DAY);
    expect((await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key: fresh })).status).not.toBe(401);
    const later = await reasons();
    expect(later[fresh.appId]).toBeUndefined();
    expect(later[forever.appId]).toEqual(['unused_30d', 'never_expires']);

    expect((await root.post(`/api/console/key-review/deployment/${forever.id}`)).status).toBe(204);
    const reviewed = ((await root.get('/api/console/key-review')).body.keys as { id: string; reviewedBy: string | null; reviewedAt: string | null }[]).find((key) => key.id === forever.id);
    expect(reviewed).toMatchObject({ reviewedBy: 'root@example.com', reviewedAt: new Date(t.clock.current).toISOString() });
    const audit = (await root.get('/api/console/audit-events?action=key.review')).body.events;
    expect(audit[0]).toMatchObject({ targetId: forever.appId, actorLabel: 'root@example.com' });
    expect((await root.post(`/api/console/key-review/platform/${forever.id}`)).status).toBe(404);

    const auditor = await t.signedInAs('auditor', root);
    expect((await auditor.client.get('/api/console/key-review')).status).toBe(200);
    expect((await auditor.client.post(`/api/console/key-review/platform/${everything.id}`)).status).toBe(204);
    const projectAdmin = await t.signedInAs('project_admin', root);
    expect((await projectAdmin.client.get('/api/console/key-review')).status).toBe(403);
  });
});

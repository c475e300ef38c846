import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDeployment, createPlatformKey, PlatformClient } from '../support/platform-client';
import { useTestApp } from '../support/test-app';

const GRANTS = [
  { method: 'GET', path: '/clients' },
  { method: 'GET', path: '/clients/{clientid}' },
  { method: 'DELETE', path: '/clients/{clientid}' },
];

describe('Deployment API Keys', () => {
  const t = useTestApp();

  it('creates a Dedicated key with a note and permissions; the App Secret is shown once', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const created = await root.post(`/api/console/deployments/${deployment.id}/keys`, { note: 'dashboard', permissions: GRANTS });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    t.logs.rememberSecret(created.body.appSecret);
    expect(created.body).toMatchObject({ appId: expect.stringMatching(/^kwa_/), note: 'dashboard', fullAccess: false, legacy: false, version: 1 });
    expect(created.body.appSecret).toMatch(/^kwds_[0-9A-Za-z]{49}$/);
    expect(created.body.permissions).toHaveLength(3);

    const list = await root.get(`/api/console/deployments/${deployment.id}/keys`);
    expect(list.body.keys).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.appSecret);
    expect(JSON.stringify(await t.store.store.db.execute('select * from deployment_api_keys' as never))).not.toContain(created.body.appSecret);
  });

  it.each([
    [{ note: 'x', permissions: [] }, 'permissions'],
    [{ note: 'x' }, 'permissions'],
    [{ permissions: [{ method: 'GET', path: '/no/such' }] }, 'permissions.0.path'],
    [{ permissions: [{ method: 'PUT', path: '/clients' }] }, 'permissions.0.method'],
    [{ permissions: [{ method: 'GET', path: '/clients' }, { method: 'TRACE', path: '/clients' }] }, 'permissions.1.method'],
    [{ note: 'n'.repeat(256), permissions: GRANTS }, 'note'],
  ])('refuses %j with 422 naming %s and stores nothing', async (body, field) => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const response = await root.post(`/api/console/deployments/${deployment.id}/keys`, body);
    expect(response.status).toBe(422);
    expect(response.body.details.map((d: { path: string }) => d.path)).toContain(field);
    expect((await root.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys).toEqual([]);
  });

  it('holds a v4 deployment to the v4 catalog', async () => {
    const root = await t.setupRoot();
    const v4 = await createDeployment(root, { type: 'dedicated_v4' });
    expect((await root.post(`/api/console/deployments/${v4.id}/keys`, { permissions: [{ method: 'GET', path: '/authentication' }] })).status).toBe(422);
    expect((await root.post(`/api/console/deployments/${v4.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).status).toBe(201);
  });

  it('gives Serverless keys full access at once and refuses a note or permissions', async () => {
    const root = await t.setupRoot();
    const serverless = await createDeployment(root, { type: 'serverless' });
    const created = await root.post(`/api/console/deployments/${serverless.id}/keys`, {});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fullAccess: true, note: '', permissions: [] });
    t.logs.rememberSecret(created.body.appSecret);
    expect((await root.post(`/api/console/deployments/${serverless.id}/keys`, { note: 'x' })).status).toBe(422);
    expect((await root.post(`/api/console/deployments/${serverless.id}/keys`, { permissions: GRANTS })).status).toBe(422);
    const edit = await root.put(`/api/console/deployments/${serverless.id}/keys/${created.body.id}`, { note: 'x', permissions: GRANTS, version: 1 });
    expect(edit.status).toBe(422);
  });

  it('replaces note and permissions on edit, and refuses a stale edit with 409', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { note: 'v1', permissions: GRANTS })).body;
    t.logs.rememberSecret(key.appSecret);
    const url = `/api/console/deployments/${deployment.id}/keys/${key.id}`;
    const first = await root.put(url, { note: 'v2', permissions: [{ method: 'POST', path: '/publish' }], version: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ note: 'v2', version: 2, permissions: [{ method: 'POST', path: '/publish' }] });

    const stale = await root.put(url, { note: 'v3', permissions: GRANTS, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('KEY_VERSION_CONFLICT');
    const after = (await root.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys[0];
    expect(after).toMatchObject({ note: 'v2', version: 2, permissions: [{ method: 'POST', path: '/publish' }] });
    // The audit log keeps what the edit granted and took away, as the dialog showed it.
    const [edit] = (await root.get('/api/console/audit-events?action=deployment_key.update')).body.events;
    expect(edit.details).toEqual({
      deployment: deployment.id,
      permissions: 1,
      added: ['POST /publish'],
      removed: ['DELETE /clients/{clientid}', 'GET /clients', 'GET /clients/{clientid}'],
      note: { from: 'v1', to: 'v2' },
    });
  });

  it('lets exactly one of many simultaneous edits from one version win', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { note: 'start', permissions: GRANTS })).body;
    t.logs.rememberSecret(key.appSecret);
    const url = `/api/console/deployments/${deployment.id}/keys/${key.id}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => root.put(url, { note: `edit ${i}`, permissions: [{ method: 'GET', path: '/clients' }], version: 1 })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(7);
    const winner = answers.find((a) => a.status === 200)!.body.note;
    expect((await root.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys[0]).toMatchObject({ note: winner, version: 2 });
  });

  it('lets project roles manage keys in their projects; Accountants and Auditors only read', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const puser = await t.signedInAs('project_user', root);
    await root.put(`/api/console/projects/${deployment.projectId}/members/${puser.id}`);
    const created = await puser.client.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: GRANTS });
    expect(created.status).toBe(201);
    t.logs.rememberSecret(created.body.appSecret);
    for (const role of ['accountant', 'auditor'] as const) {
      const { client } = await t.signedInAs(role, root);
      expect((await client.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys).toHaveLength(1);
      expect((await client.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: GRANTS })).status).toBe(403);
      expect((await client.delete(`/api/console/deployments/${deployment.id}/keys/${created.body.id}`)).status).toBe(403);
    }
    const outsider = await t.signedInAs('project_admin', root);
    expect((await outsider.client.get(`/api/console/deployments/${deployment.id}/keys`)).status).toBe(404);

    // A key's own page: the key and its deployment, for whoever may see that deployment.
    const page = await puser.client.get(`/api/console/deployment-keys/${created.body.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      key: (await root.get(`/api/console/deployments/${deployment.id}/keys`)).body.keys[0],
      deployment: { id: deployment.id, name: deployment.name, type: 'dedicated_v5', projectId: deployment.projectId },
    });
    expect(JSON.stringify(page.body)).not.toContain(created.body.appSecret);
    expect((await outsider.client.get(`/api/console/deployment-keys/${created.body.id}`)).status).toBe(404);
    expect((await root.get('/api/console/deployment-keys/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await root.get('/api/console/deployment-keys/not-a-uuid')).status).toBe(404);
    expect((await puser.client.delete(`/api/console/deployments/${deployment.id}/keys/${created.body.id}`)).status).toBe(204);
  });

  it("pages a deployment's keys oldest first, legacy keys first, with no gap or repeat at any page size (fast-check)", async () => {
    const root = await t.setupRoot();
    const v4 = await createDeployment(root, { type: 'dedicated_v4' });
    const importer = PlatformClient.withKey(t.app, await createPlatformKey(root, { scopes: ['legacy_key_import'] }));
    for (const appId of ['legacy_b', 'legacy_a']) {
      const secret = `${appId}-secret-0123456789-abcdef`;
      t.logs.rememberSecret(secret);
      expect((await importer.post(`/deployments/${v4.id}/legacy-api-keys`, { appId, appSecret: secret })).status).toBe(201);
    }
    for (let index = 0; index < 5; index++) {
      const created = await root.post(`/api/console/deployments/${v4.id}/keys`, { note: `k${index}`, permissions: [{ method: 'GET', path: '/clients' }] });
      t.logs.rememberSecret(created.body.appSecret);
    }
    type Page = { status: number; body: { keys: { id: string; appId: string; createdAt: string | null }[]; nextCursor: string | null } };
    const whole: Page = await root.get(`/api/console/deployments/${v4.id}/keys?limit=200`);
    expect(whole.body.nextCursor).toBeNull();
    const order = whole.body.keys.map((key) => key.appId);
    expect(order.slice(0, 2)).toEqual(['legacy_a', 'legacy_b']);
    // Then by creation time (ties by App ID, in the database's collation).
    const times = whole.body.keys.slice(2).map((key) => Date.parse(key.createdAt!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The default page is 50: these seven keys are one page.
    expect((await root.get(`/api/console/deployments/${v4.id}/keys`)).body.keys).toHaveLength(7);

    const pageThrough = async (limit: number) => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Page = await root.get(`/api/console/deployments/${v4.id}/keys?limit=${limit}${after ? `&after=${after}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.keys.length).toBeLessThanOrEqual(limit);
        seen.push(...page.body.keys.map((key) => key.appId));
        after = page.body.nextCursor;
      } while (after);
      return seen;
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), async (limit) => {
        expect(await pageThrough(limit)).toEqual(order);
      }),
      { numRuns: 12 },
    );

    // A page goes on after its cursor's key even when that key has since been deleted.
    const first: Page = await root.get(`/api/console/deployments/${v4.id}/keys?limit=3`);
    const cursorKey = first.body.keys[2]!;
    expect((await root.delete(`/api/console/deployments/${v4.id}/keys/${cursorKey.id}`)).status).toBe(204);
    const rest: Page = await root.get(`/api/console/deployments/${v4.id}/keys?limit=200&after=${first.body.nextCursor}`);
    expect(rest.body.keys.map((key) => key.appId)).toEqual(order.slice(3));

    // A cursor is opaque: anything else is a 400 naming `after`; a page size outside 1-200 is a 422.
    const forged = await root.get(`/api/console/deployments/${v4.id}/keys?after=${Buffer.from('{"appId":1}').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect(forged.body.details).toEqual([expect.objectContaining({ path: 'after' })]);
    for (const limit of ['0', '201', 'x']) expect((await root.get(`/api/console/deployments/${v4.id}/keys?limit=${limit}`)).status).toBe(422);
    expect((await root.get(`/api/console/deployments/${v4.id}/keys?unknown=1`)).status).toBe(422);
  });

  it('imports a legacy Dedicated v4 key through the Platform API: full access, no note, no creation time', async () => {
    const root = await t.setupRoot();
    const v4 = await createDeployment(root, { type: 'dedicated_v4' });
    const v5 = await createDeployment(root, { type: 'dedicated_v5' });
    const narrow = PlatformClient.withKey(t.app, await createPlatformKey(root, { scopes: ['deployment_management', 'tls_certificate_management', 'project_management'] }));
    const client = PlatformClient.withKey(t.app, await createPlatformKey(root, { scopes: ['legacy_key_import'] }));
    const legacySecret = 'legacy-app-secret-0123456789-abcdef';
    t.logs.rememberSecret(legacySecret);

    // Full access with a secret of the caller's choosing: only with its own scope, never implied.
    expect((await narrow.post(`/deployments/${v4.id}/legacy-api-keys`, { appId: 'legacy_app_1', appSecret: legacySecret })).status).toBe(403);
    const short = await client.post(`/deployments/${v4.id}/legacy-api-keys`, { appId: 'legacy_app_1', appSecret: 'only-twenty-chars-xx' });
    expect(short.status).toBe(422);
    expect(short.body.details).toEqual([expect.objectContaining({ path: 'appSecret' })]);

    const imported = await client.post(`/deployments/${v4.id}/legacy-api-keys`, { appId: 'legacy_app_1', appSecret: legacySecret });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ appId: 'legacy_app_1', legacy: true, fullAccess: true, note: '', createdAt: null, createdBy: null });
    expect(JSON.stringify(imported.body)).not.toContain(legacySecret);
    expect((await client.post(`/deployments/${v4.id}/legacy-api-keys`, { appId: 'legacy_app_1', appSecret: legacySecret })).status).toBe(409);
    const wrongType = await client.post(`/deployments/${v5.id}/legacy-api-keys`, { appId: 'legacy_app_2', appSecret: legacySecret });
    expect(wrongType.status).toBe(422);

    const listed = (await root.get(`/api/console/deployments/${v4.id}/keys`)).body.keys;
    expect(listed).toEqual([expect.objectContaining({ appId: 'legacy_app_1', legacy: true })]);
    const edit = await root.put(`/api/console/deployments/${v4.id}/keys/${listed[0].id}`, { note: 'x', permissions: [{ method: 'GET', path: '/clients' }], version: 1 });
    expect(edit.status).toBe(422);
    const audit = (await root.get('/api/console/audit-events?action=deployment_key.import_legacy')).body.events;
    expect(audit).toEqual([expect.objectContaining({ actorType: 'platform_key', targetLabel: expect.stringContaining('legacy_app_1') })]);
  });
  it('holds an imported key to the key policy exactly like a new one, and no key to year 9999', async () => {
    const root = await t.setupRoot();
    const v4 = await createDeployment(root, { type: 'dedicated_v4' });
    const importer = PlatformClient.withKey(t.app, await createPlatformKey(root, { scopes: ['legacy_key_import'] }));
    const secret = 'legacy-app-secret-policy-0123456789';
    t.logs.rememberSecret(secret);
    expect((await root.put('/api/console/settings/key-policy', { maxKeyLifetimeDays: 30, allowNeverExpiring: false })).status).toBe(200);
    const days = (n: number) => new Date(t.clock.now() + n * 86_400_000).toISOString();

    // Never, or past the maximum: refused as for a new key, and nothing is imported.
    for (const expiresAt of [null, days(31), '9999-12-31T23:59:59Z']) {
      const refused = await importer.post(`/deployments/${v4.id}/legacy-api-keys`, { appId: 'legacy_policy', appSecret: secret, expiresAt });
      expect(refused.status, String(expiresAt)).toBe(422);
      expect(refused.body.details).toEqual([expect.objectContaining({ path: 'expiresAt' })]);
    }
    expect((await root.get(`/api/console/deployments/${v4.id}/keys`)).body.keys).toEqual([]);
    // Said nothing: the policy's maximum, as a new key gets.
    const imported = await importer.post(`/deployments/${v4.id}/legacy-api-keys`, { appId: 'legacy_policy', appSecret: secret });
    expect(imported.status).toBe(201);
    expect(imported.body.expiresAt).toBe(days(30));
    const chosen = await importer.post(`/deployments/${v4.id}/legacy-api-keys`, { appId: 'legacy_policy_2', appSecret: `${secret}-2`, expiresAt: days(7) });
    expect(chosen.body.expiresAt).toBe(days(7));

    // Without any policy, ten years is still the most any key may live.
    expect((await root.put('/api/console/settings/key-policy', { maxKeyLifetimeDays: null, allowNeverExpiring: true })).status).toBe(200);
    const farFuture = await root.post(`/api/console/deployments/${v4.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }], expiresAt: '9999-12-31T23:59:59Z' });
    expect(farFuture.status).toBe(422);
    expect(farFuture.body.details).toEqual([expect.objectContaining({ path: 'expiresAt', message: 'Keys may live at most 10 years' })]);
  });
});

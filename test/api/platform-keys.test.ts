import { describe, expect, it } from 'vitest';
import { createPlatformKey, PlatformClient } from '../support/platform-client';
import { useTestApp } from '../support/test-app';

describe('Platform API Keys in the console', () => {
  const t = useTestApp();

  it('shows the Secret once, stores only its HMAC, and never shows it again', async () => {
    const root = await t.setupRoot();
    const created = await root.post('/api/console/platform-keys', { note: 'deploy bot', scopes: ['deployment_management'], projectIds: null });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { secret, key } = created.body;
    t.logs.rememberSecret(secret);
    expect(key).toMatch(/^kwk_/);
    expect(secret).toMatch(/^kwps_[0-9A-Za-z]{49}$/);
    expect(created.body).toMatchObject({ note: 'deploy bot', scopes: ['deployment_management'], projects: null, createdBy: 'root@example.com', lastUsedAt: null });

    // Its own page reads the key as the list shows it.
    const one = await root.get(`/api/console/platform-keys/${created.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual((await root.get('/api/console/platform-keys')).body.keys[0]);
    expect((await root.get('/api/console/platform-keys/00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const later = JSON.stringify([one.body, (await root.get('/api/console/platform-keys')).body, (await root.get('/api/console/audit-events')).body]);
    expect(later).not.toContain(secret);
    const rows = JSON.stringify(await t.store.store.db.execute('select * from platform_api_keys' as never));
    expect(rows).not.toContain(secret);
  });

  it('records when a key was last used', async () => {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root);
    await PlatformClient.withKey(t.app, key).get('/deployments');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = (await root.get('/api/console/platform-keys')).body.keys[0];
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it.each([
    [{ note: 'x'.repeat(256), scopes: ['deployment_management'], projectIds: null }, 'note'],
    [{ note: '', scopes: [], projectIds: null }, 'scopes'],
    [{ note: '', scopes: ['launch_missiles'], projectIds: null }, 'scopes.0'],
    [{ note: '', scopes: ['deployment_management'], projectIds: [] }, 'projectIds'],
    [{ note: '', scopes: ['deployment_management'], projectIds: ['00000000-0000-4000-8000-000000000000'] }, 'projectIds.0'],
  ])('refuses %j with 422 naming %s and creates nothing', async (body, field) => {
    const root = await t.setupRoot();
    const response = await root.post('/api/console/platform-keys', body);
    expect(response.status).toBe(422);
    expect(response.body.details.map((d: { path: string }) => d.path)).toContain(field);
    expect((await root.get('/api/console/platform-keys')).body.keys).toEqual([]);
  });

  it('edits note and scopes; the new scopes apply to the next call', async () => {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root, { scopes: ['deployment_management'] });
    const client = PlatformClient.withKey(t.app, key);
    expect((await client.get('/projects')).status).toBe(403);
    const edited = await root.patch(`/api/console/platform-keys/${key.id}`, { note: 'renamed', scopes: ['project_management'] });
    expect(edited.body).toMatchObject({ note: 'renamed', scopes: ['project_management'] });
    expect((await client.get('/projects')).status).toBe(200);
    expect((await client.get('/deployments')).status).toBe(403);
  });

  it('is for Root and Administrators only', async () => {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root);
    for (const role of ['project_admin', 'project_user', 'accountant', 'auditor'] as const) {
      const { client } = await t.signedInAs(role, root);
      expect((await client.get('/api/console/platform-keys')).status).toBe(403);
      expect((await client.get(`/api/console/platform-keys/${key.id}`)).status).toBe(403);
      expect((await client.post('/api/console/platform-keys', { scopes: ['project_management'], projectIds: null })).status).toBe(403);
      expect((await client.delete(`/api/console/platform-keys/${key.id}`)).status).toBe(403);
    }
    const admin = await t.signedInAs('admin', root);
    expect((await admin.client.delete(`/api/console/platform-keys/${key.id}`)).status).toBe(204);
    expect((await admin.client.delete(`/api/console/platform-keys/${key.id}`)).status).toBe(404);
  });
});

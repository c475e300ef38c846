import { describe, expect, it } from 'vitest';
import { createDeployment, createPlatformKey, PlatformClient } from '../support/platform-client';
import { useTestApp } from '../support/test-app';

const GRANT = [{ method: 'GET', path: '/clients' }];

describe('the API Keys inventory: every Deployment API Key an account may see', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  async function setUp() {
    const root = await t.setupRoot();
    const other = (await root.post('/api/console/projects', { name: 'other' })).body;
    const fleet = await createDeployment(root, { name: 'fleet' });
    const lab = await createDeployment(root, { name: 'lab', projectId: other.id });
    const legacyHost = await createDeployment(root, { name: 'legacy', type: 'dedicated_v4' });
    const keys = [];
    for (const [deployment, note] of [[fleet, 'dashboard'], [fleet, 'billing export'], [lab, 'lab probe'], [lab, 'Dashboard copy']] as const) {
      t.clock.advance(1_000);
      const created = await root.post(`/api/console/deployments/${deployment.id}/keys`, { note, permissions: GRANT });
      t.logs.rememberSecret(created.body.appSecret);
      keys.push(created.body as { id: string; appId: string; note: string });
    }
    const importer = PlatformClient.withKey(t.app, await createPlatformKey(root, { scopes: ['legacy_key_import'] }));
    const legacySecret = 'legacy-secret-0123456789abcdef-0123456789';
    t.logs.rememberSecret(legacySecret);
    expect((await importer.post(`/deployments/${legacyHost.id}/legacy-api-keys`, { appId: 'legacy_app_1', appSecret: legacySecret })).status).toBe(201);
    return { root, other, fleet, lab, legacyHost, keys };
  }

  it('lists keys across deployments, newest first (imported legacy keys last), page by page', async () => {
    const { root, fleet, lab, keys } = await setUp();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { status: number; body: { keys: { appId: string }[]; nextCursor: string | null } } = await root.get(`/api/console/deployment-keys?limit=2${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.keys.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.keys.map((key: { appId: string }) => key.appId));
      after = page.body.nextCursor;
    } while (after);
    expect(seen).toEqual([...keys.map((key) => key.appId).reverse(), 'legacy_app_1']);
    const first = (await root.get('/api/console/deployment-keys?limit=1')).body.keys[0];
    expect(first).toMatchObject({ appId: keys[3]!.appId, note: 'Dashboard copy', permissions: GRANT, createdBy: 'root@example.com', deployment: { id: lab.id, name: 'lab', projectName: 'other' } });
    // The Deployments list counts each deployment's keys.
    const deployments = (await root.get('/api/console/deployments')).body.deployments;
    expect(Object.fromEntries(deployments.map((d: { name: string; keyCount: number }) => [d.name, d.keyCount]))).toEqual({ fleet: 2, lab: 2, legacy: 1 });
    expect(fleet).toBeDefined();
  });

  it('filters by App ID or note, deployment, project and creator', async () => {
    const { root, other, fleet, keys } = await setUp();
    const appIds = async (query: string) => (await root.get(`/api/console/deployment-keys?${query}`)).body.keys.map((key: { appId: string }) => key.appId);
    expect(await appIds('search=DASHBOARD')).toEqual([keys[3]!.appId, keys[0]!.appId]);
    expect(await appIds(`search=${keys[1]!.appId.slice(4, 12)}`)).toEqual([keys[1]!.appId]);
    expect(await appIds('search=%25')).toEqual([]);
    // A pasted App ID, in any case; `kwa_` elsewhere than where the App ID has it matches nothing.
    expect(await appIds(`search=${keys[2]!.appId}`)).toEqual([keys[2]!.appId]);
    expect(await appIds(`search=${keys[2]!.appId.toUpperCase()}`)).toEqual([keys[2]!.appId]);
    expect(await appIds(`search=kwa_${keys[2]!.appId.slice(8, 14)}`)).toEqual([]);
    expect(await appIds(`search=x${keys[2]!.appId}`)).toEqual([]);
    expect(await appIds(`deploymentId=${fleet.id}`)).toEqual([keys[1]!.appId, keys[0]!.appId]);
    expect(await appIds(`projectId=${other.id}`)).toEqual([keys[3]!.appId, keys[2]!.appId]);
    expect(await appIds('createdBy=root@')).toHaveLength(4);
    expect(await appIds('createdBy=someone-else')).toEqual([]);
    expect((await root.get('/api/console/deployment-keys?after=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await root.get('/api/console/deployment-keys?deploymentId=../x')).status).toBe(422);
  });

  it("shows project roles only their projects' keys", async () => {
    const { root, lab, keys } = await setUp();
    const puser = await t.signedInAs('project_user', root);
    expect((await puser.client.get('/api/console/deployment-keys')).body.keys).toEqual([]);
    await root.put(`/api/console/projects/${lab.projectId}/members/${puser.id}`);
    const visible = (await puser.client.get('/api/console/deployment-keys')).body.keys.map((key: { appId: string }) => key.appId);
    expect(visible).toEqual([keys[3]!.appId, keys[2]!.appId]);
    const auditor = await t.signedInAs('auditor', root);
    expect((await auditor.client.get('/api/console/deployment-keys')).body.keys).toHaveLength(5);
  });
});

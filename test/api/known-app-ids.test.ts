import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachAppId } from '../../server/deployment-keys/deployment-keys-data';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment, createPlatformKey, PlatformClient } from '../support/platform-client';
import { useTestApp } from '../support/test-app';
import { startUpstream } from '../support/upstream';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

const GRANT = [{ method: 'GET', path: '/clients' }];

/**
 * The gateway's known-App-ID filter: credentials naming an App ID that was never issued are
 * refused without a database lookup, and every way a key comes to exist is known at once.
 */
describe.each([0, 5])('the known-App-ID filter (%i lookups per second for unknown App IDs)', (budget) => {
  const t = useTestApp({ deploymentTransitionMs: 0, gatewayUnknownAppIdLookupsPerSecond: budget, gatewayFailuresPerAddress: 10_000, gatewayFailuresPerAppId: 10_000 });

  async function setUp() {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const gateway = t.app.services.gateway;
    // The filter loads in the background at start; until then every App ID is looked up.
    while (!gateway.lookupCounts().filterLoaded) await new Promise((resolve) => setTimeout(resolve, 5));
    const call = (key: { appId: string; appSecret: string }, remoteAddress = '192.0.2.1') =>
      gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key, remoteAddress });
    return { root, deployment, gateway, call };
  }

  it('answers made-up App IDs from many addresses without the database, past its small budget', async () => {
    const { root, deployment, gateway, call } = await setUp();
    const real = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: GRANT })).body;
    t.logs.rememberSecret(real.appSecret);
    const before = gateway.lookupCounts().database;
    const junk = fc.record({
      appId: fc.oneof(fc.stringMatching(/^kwa_[A-Za-z0-9]{20}$/), fc.string({ minLength: 1, maxLength: 40 }).filter((id) => !id.includes(':'))),
      appSecret: fc.string({ maxLength: 60 }),
      address: fc.ipV4(),
    });
    await fc.assert(
      fc.asyncProperty(junk, async ({ appId, appSecret, address }) => {
        fc.pre(appId !== real.appId);
        expect((await call({ appId, appSecret }, address)).status).toBe(401);
      }),
      { numRuns: 200 },
    );
    // The test clock stands still: the budget never refills.
    expect(gateway.lookupCounts().database - before).toBeLessThanOrEqual(budget);
    expect(gateway.lookupCounts().filtered).toBeGreaterThanOrEqual(200 - budget - 5);
    // A real key still works, and a wrong secret for it is still looked up and refused.
    expect((await call(real)).status).toBe(200);
    expect((await call({ appId: real.appId, appSecret: 'x'.repeat(40) })).status).toBe(401);
  });

  it('knows a key at once when it is created, rolled or imported, and refuses it once deleted', async () => {
    const { root, deployment, call } = await setUp();
    const created = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: GRANT })).body;
    t.logs.rememberSecret(created.appSecret);
    expect((await call(created)).status).toBe(200);
    const keyPath = `/api/console/deployments/${deployment.id}/keys/${created.id}`;
    const rolled = (await root.post(`${keyPath}/roll`, { graceSeconds: 0 })).body;
    t.logs.rememberSecret(rolled.appSecret);
    expect((await call({ appId: created.appId, appSecret: rolled.appSecret })).status).toBe(200);
    expect((await call(created)).status).toBe(401);
    expect((await root.delete(keyPath)).status).toBe(204);
    expect((await call({ appId: created.appId, appSecret: rolled.appSecret })).status).toBe(401);

    const v4 = await createDeployment(root, { name: 'legacy', type: 'dedicated_v4', upstreamUrl: upstream.url });
    const importer = PlatformClient.withKey(t.app, await createPlatformKey(root, { scopes: ['legacy_key_import'] }));
    const legacy = { appId: `legacy_${budget}_app`, appSecret: 'legacy-secret-0123456789abcdef-0123456789' };
    t.logs.rememberSecret(legacy.appSecret);
    expect((await importer.post(`/deployments/${v4.id}/legacy-api-keys`, legacy)).status).toBe(201);
    const legacyCall = await gatewayCall(t.app, { deploymentId: v4.id, path: '/api/v4/clients', key: legacy });
    expect(legacyCall.status).toBe(200);
  });

  it('reads every App ID a page at a time when it is built', async () => {
    const { root, deployment } = await setUp();
    const appIds: string[] = [];
    for (let index = 0; index < 5; index++) {
      const created = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: GRANT })).body;
      t.logs.rememberSecret(created.appSecret);
      appIds.push(created.appId);
    }
    const seen: string[] = [];
    expect(await forEachAppId(t.store.store.db, (appId) => seen.push(appId), 2)).toBe(5);
    expect(seen.sort()).toEqual(appIds.sort());
  });
});

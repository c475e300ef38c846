import { afterAll, describe, expect, it } from 'vitest';
import type { KeywardApp } from '../../server/app';
import { openStore, type Store } from '../../server/db/store';
import { ConsoleClient } from '../support/console-client';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment } from '../support/platform-client';
import { buildTestApp, PASSWORD } from '../support/test-app';
import { TEST_PASSWORD_COST, testAppConfig, testServerKeys } from '../support/test-config';
import { createPostgresDatabase, testStoreKind } from '../support/test-store';
import { startUpstream } from '../support/upstream';

// Several instances share one PostgreSQL only; the embedded store is one process by design.
describe.runIf(testStoreKind === 'postgres')('two Keyward instances on one PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function twoInstances(options: Parameters<typeof testAppConfig>[0] = {}) {
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    const keys = testServerKeys();
    const instances: { app: KeywardApp; store: Store }[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await openStore({ kind: 'postgres', databaseUrl: database.url });
      const app = await buildTestApp({ config: { ...testAppConfig(options), logLevel: 'silent' }, store, keys, passwordCost: TEST_PASSWORD_COST });
      instances.push({ app, store });
      cleanups.push(async () => {
        await app.close();
        await store.close();
      });
    }
    return instances as [(typeof instances)[0], (typeof instances)[0]];
  }

  /** Milliseconds until `refused` holds, calling it in a loop for at most a second. */
  async function timeUntil(refused: () => Promise<boolean>): Promise<number> {
    const since = performance.now();
    while (performance.now() - since < 1_000) {
      if (await refused()) return performance.now() - since;
      // Injected requests answered from a cache never wait on I/O: without this turn of the event
      // loop the notice would sit unread on its socket, which real HTTP traffic never causes.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return Infinity;
  }

  /** Root on instance A, and a key that instance B has verified and cached. */
  async function keyCachedOnB() {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const [a, b] = await twoInstances();
    const root = new ConsoleClient(a.app);
    await root.post('/api/console/setup', { organizationName: 'Acme', email: 'root@example.com', password: PASSWORD });
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
    const call = () => gatewayCall(b.app, { deploymentId: deployment.id, path: '/api/v5/clients', key });
    return { root, call, keyPath: `/api/console/deployments/${deployment.id}/keys/${key.id}` };
  }

  it('refuses a key on instance B within a second of its deletion through instance A', async () => {
    const { root, call, keyPath } = await keyCachedOnB();
    // B has verified and cached the key.
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200)); // B's LISTEN connection is up

    expect((await root.delete(keyPath)).status).toBe(204);
    const refusedAfter = await timeUntil(async () => (await call()).status === 401);
    console.log(`revocation reached instance B after ${refusedAfter.toFixed(1)} ms`);
    expect(refusedAfter).toBeLessThan(1_000);
  }, 30_000);

  it.each([
    ['disabled', (root: ConsoleClient, path: string) => root.patch(`${path}/lifecycle`, { disabled: true })],
    ['rolled with no grace', (root: ConsoleClient, path: string) => root.post(`${path}/roll`, { graceSeconds: 0 })],
  ])('refuses a key on instance B within a second of it being %s through instance A', async (_what, change) => {
    const { root, call, keyPath } = await keyCachedOnB();
    expect((await call()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200)); // B's LISTEN connection is up

    expect((await change(root, keyPath)).status).toBe(200);
    const refusedAfter = await timeUntil(async () => (await call()).status === 401);
    expect(refusedAfter).toBeLessThan(1_000);
  }, 30_000);

  it("ends an account's session on instance B within a second of disabling it through instance A", async () => {
    const [a, b] = await twoInstances();
    const root = new ConsoleClient(a.app);
    await root.post('/api/console/setup', { organizationName: 'Acme', email: 'root@example.com', password: PASSWORD });
    const admin = (await root.post('/api/console/users', { email: 'admin@example.com', role: 'admin', password: PASSWORD })).body;
    const onB = new ConsoleClient(b.app);
    expect((await onB.signIn('admin@example.com', PASSWORD)).status).toBe(200);
    // B has the session cached.
    expect((await onB.get('/api/console/session')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200)); // B's LISTEN connection is up

    expect((await root.patch(`/api/console/users/${admin.id}`, { disabled: true })).status).toBe(200);
    const refusedAfter = await timeUntil(async () => (await onB.get('/api/console/session')).status === 401);
    console.log(`disabling reached instance B after ${refusedAfter.toFixed(1)} ms`);
    expect(refusedAfter).toBeLessThan(1_000);
  }, 30_000);

  it("knows on instance B, within a second, a key created through instance A (B's known-App-ID filter)", async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    // No lookups at all for App IDs B's filter has not seen: only the change notice can teach it.
    const [a, b] = await twoInstances({ gatewayUnknownAppIdLookupsPerSecond: 0 });
    const root = new ConsoleClient(a.app);
    await root.post('/api/console/setup', { organizationName: 'Acme', email: 'root@example.com', password: PASSWORD });
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    while (!b.app.services.gateway.lookupCounts().filterLoaded) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 200)); // B's LISTEN connection is up
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
    const knownAfter = await timeUntil(async () => (await gatewayCall(b.app, { deploymentId: deployment.id, path: '/api/v5/clients', key })).status === 200);
    console.log(`a new key reached instance B's filter after ${knownAfter.toFixed(1)} ms`);
    expect(knownAfter).toBeLessThan(1_000);
  }, 30_000);

  it('adds up the usage both instances counted for one key', async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const [a, b] = await twoInstances();
    const root = new ConsoleClient(a.app);
    await root.post('/api/console/setup', { organizationName: 'Acme', email: 'root@example.com', password: PASSWORD });
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
    for (const [instance, calls] of [[a, 3], [b, 4]] as const) {
      for (let i = 0; i < calls; i++) {
        expect((await gatewayCall(instance.app, { deploymentId: deployment.id, path: '/api/v5/clients', key })).status).toBe(200);
      }
    }
    // Both flush into the same minute's row: additive, never overwriting.
    await Promise.all([a.app.services.usage.flush(), b.app.services.usage.flush()]);
    const report = await root.get(`/api/console/deployments/${deployment.id}/keys/${key.id}/usage`);
    expect(report.body.totals.success).toBe(7);
  });

  it('shares limits: failures and calls counted on either instance add up to one limit', async () => {
    const [a, b] = await twoInstances({ gatewayFailuresPerAppId: 1_000 });
    const root = new ConsoleClient(a.app);
    await root.post('/api/console/setup', { organizationName: 'Acme', email: 'root@example.com', password: PASSWORD });

    // Sign-in: 5 failures per (email, address) in all, whichever instance took them.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const instance = attempt % 2 === 0 ? a : b;
      statuses.push((await new ConsoleClient(instance.app, '198.51.100.20').signIn('root@example.com', 'wrong password')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

    // The Platform API's hourly read limit (60 in tests) is one limit for the key, not one each.
    const created = (await root.post('/api/console/platform-keys', { scopes: ['project_management'], projectIds: null })).body;
    const authorization = `Basic ${Buffer.from(`${created.key}:${created.secret}`).toString('base64')}`;
    const read = (instance: { app: KeywardApp }) => instance.app.inject({ method: 'GET', url: '/public_api/v1/projects', headers: { authorization } });
    const answers = await Promise.all(Array.from({ length: 70 }, (_, index) => read(index % 2 === 0 ? a : b)));
    const byStatus = answers.reduce<Record<number, number>>((counts, answer) => ({ ...counts, [answer.statusCode]: (counts[answer.statusCode] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ 200: 60, 429: 10 });
    expect(answers.find((answer) => answer.statusCode === 429)!.headers['retry-after']).toMatch(/^\d+$/);

    // Gateway failures per client address: counted on A, refused (before any work) on B too.
    // Wrong secrets for a real App ID (never-issued App IDs are counted by each instance alone,
    // in memory: test/api/known-app-ids.test.ts); the per-App-ID limit is set out of the way.
    const deployment = await createDeployment(root, {});
    const real = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
    const gatewayStatuses: number[] = [];
    for (let attempt = 0; attempt < 101; attempt++) {
      const instance = attempt < 100 ? a : b;
      const wrong = { appId: real.appId, appSecret: `not-the-secret-${attempt}` };
      gatewayStatuses.push((await gatewayCall(instance.app, { deploymentId: deployment.id, path: '/api/v5/clients', key: wrong, remoteAddress: '198.51.100.30' })).status);
    }
    expect(gatewayStatuses.slice(0, 100).every((status) => status === 401)).toBe(true);
    expect(gatewayStatuses.at(-1)).toBe(429);
  });
});

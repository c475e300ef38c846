import { afterAll, describe, expect, it } from 'vitest';
import { freshServerEnvironment, signInOverHttp, startServerProcess } from '../support/child-server';
import { expectNoSecretsIn } from '../support/log-capture';
import { testStoreKind } from '../support/test-store';
import { startUpstream } from '../support/upstream';

const ROOT = { email: 'root@example.com', password: 'crash test root password' };
const UPSTREAM_SECRET = 'crash-test-upstream-secret';
const PATHS = ['/clients', '/nodes', '/stats', '/metrics', '/topics', '/subscriptions'];

type Call = Awaited<ReturnType<typeof signInOverHttp>>;

/** A Dedicated v5 deployment of the default project that forwards to `upstreamUrl`. */
async function createForwardingDeployment(call: Call, name: string, upstreamUrl: string): Promise<{ id: string }> {
  const projectId = (await call('GET', '/api/console/projects')).body.projects[0].id;
  const created = await call('POST', '/api/console/deployments', {
    name, projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1',
    upstreamUrl, upstreamApiKey: 'k', upstreamApiSecret: UPSTREAM_SECRET,
  });
  return created.body;
}

/** A key holding GET on one endpoint, and its Basic header. */
async function createKey(call: Call, deploymentId: string, path: string) {
  const key = (await call('POST', `/api/console/deployments/${deploymentId}/keys`, { permissions: [{ method: 'GET', path }] })).body;
  return { key, authorization: `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}` };
}

/**
 * SIGKILL in the middle of a stream of key creations and edits: after a restart, every change
 * the server acknowledged is there and works, and no key exists half-made.
 */
describe(`crash safety on ${testStoreKind === 'postgres' ? 'PostgreSQL' : 'the embedded store'}`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const serverEnvironment = (extra: Record<string, string> = {}) =>
    freshServerEnvironment(ROOT, cleanups, { KEYWARD_DEPLOYMENT_TRANSITION_SECONDS: '0', LOG_LEVEL: 'debug', ...extra });

  it('keeps every acknowledged change through a SIGKILL', async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const env = await serverEnvironment();

    let server = await startServerProcess(env);
    const killed = server;
    let call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    const deployment = await createForwardingDeployment(call, 'crash', upstream.url);

    // Acknowledged state, as the client saw it.
    const acknowledged = new Map<string, { id: string; appId: string; appSecret: string; note: string; path: string }>();
    let stop = false;
    const writer = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const grant = PATHS[(worker + i) % PATHS.length]!;
        try {
          const created = await call('POST', `/api/console/deployments/${deployment.id}/keys`, { note: `w${worker}-${i}`, permissions: [{ method: 'GET', path: grant }] });
          if (created.status !== 201) continue;
          const key = { id: created.body.id, appId: created.body.appId, appSecret: created.body.appSecret, note: `w${worker}-${i}`, path: grant };
          acknowledged.set(key.id, key);
          const next = PATHS[(worker + i + 1) % PATHS.length]!;
          const edited = await call('PUT', `/api/console/deployments/${deployment.id}/keys/${key.id}`, { note: `${key.note}-edited`, permissions: [{ method: 'GET', path: next }], version: 1 });
          if (edited.status === 200) acknowledged.set(key.id, { ...key, note: `${key.note}-edited`, path: next });
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Promise.all([0, 1, 2, 3].map(writer));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await writers;
    expect(acknowledged.size).toBeGreaterThan(3);

    server = await startServerProcess(env);
    cleanups.push(() => void server.child.kill('SIGTERM'));
    call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    // Every stored key, a page at a time.
    const stored: { id: string; note: string; permissions: { method: string; path: string }[] }[] = [];
    let after: string | null = null;
    do {
      const page: { body: { keys: typeof stored; nextCursor: string | null } } = await call('GET', `/api/console/deployments/${deployment.id}/keys?limit=200${after ? `&after=${after}` : ''}`);
      stored.push(...page.body.keys);
      after = page.body.nextCursor;
    } while (after);
    const byId = new Map(stored.map((key) => [key.id, key]));

    // No half-made key: every stored key has its permission.
    expect(stored.filter((key) => key.permissions.length === 0)).toEqual([]);
    for (const key of acknowledged.values()) {
      const found = byId.get(key.id);
      expect(found, `acknowledged key ${key.appId} is missing`).toBeDefined();
      // An acknowledged edit is there; an unacknowledged one may or may not have landed, whole.
      if (key.note.endsWith('-edited')) expect(found!.note).toBe(key.note);
      expect(found!.permissions).toHaveLength(1);
      const expectedPath = found!.note === key.note ? key.path : found!.permissions[0]!.path;
      expect(found!.permissions[0]!.path).toBe(expectedPath);
      const through = await fetch(`${server.url}/api/deployments/${deployment.id}/api/v5${found!.permissions[0]!.path}`, {
        headers: { authorization: `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}` },
      });
      expect(through.status, `${key.appId} through the gateway`).toBe(200);
    }
    server.child.kill('SIGTERM');
    await server.exited;

    // Both processes' whole debug logs: no password, master key, upstream or App Secret.
    const lines = [killed, server].flatMap((process) => process.log().split('\n'));
    expect(lines.length).toBeGreaterThan(acknowledged.size);
    expectNoSecretsIn(lines, [ROOT.password, env.KEYWARD_SECRET_KEY!, UPSTREAM_SECRET, ...[...acknowledged.values()].map((key) => key.appSecret)]);
  }, 120_000);

  it('loses at most the usage counted since the last flush to a SIGKILL', async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const env = await serverEnvironment({ KEYWARD_USAGE_FLUSH_SECONDS: '1' });
    let server = await startServerProcess(env);
    let call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    const deployment = await createForwardingDeployment(call, 'counted', upstream.url);
    const { key, authorization } = await createKey(call, deployment.id, '/clients');
    const gatewayCalls = async (count: number) => {
      for (let i = 0; i < count; i++) {
        expect((await fetch(`${server.url}/api/deployments/${deployment.id}/api/v5/clients`, { headers: { authorization } })).status).toBe(200);
      }
    };
    const counted = async () => (await call('GET', `/api/console/deployments/${deployment.id}/keys/${key.id}/usage`)).body.totals.success as number;

    await gatewayCalls(5);
    // Flushed within one interval (1 s here), by the server's own timer.
    const until = Date.now() + 10_000;
    while ((await counted()) < 5 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await counted()).toBe(5);
    await gatewayCalls(3);
    server.child.kill('SIGKILL');
    await server.exited;

    server = await startServerProcess(env);
    cleanups.push(() => void server.child.kill('SIGTERM'));
    call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    // What was flushed survives; only the 3 counted after it may be gone.
    const after = await counted();
    expect(after).toBeGreaterThanOrEqual(5);
    expect(after).toBeLessThanOrEqual(8);
    // A graceful stop (SIGTERM) flushes what is left.
    await gatewayCalls(2);
    server.child.kill('SIGTERM');
    await server.exited;
    server = await startServerProcess(env);
    call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    expect(await counted()).toBe(after + 2);
  }, 120_000);

  it('drains on SIGTERM: says so on /healthz, finishes requests in flight, flushes usage, exits 0', async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    // Usage reaches the database only through the shutdown's own flush here.
    const env = await serverEnvironment({ KEYWARD_USAGE_FLUSH_SECONDS: '3600', KEYWARD_DRAIN_NOTICE_SECONDS: '1', KEYWARD_DRAIN_SECONDS: '20' });
    let server = await startServerProcess(env);
    let call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    const deployment = await createForwardingDeployment(call, 'drained', upstream.url);
    const { key, authorization } = await createKey(call, deployment.id, '/clients/{clientid}');
    // The stand-in upstream answers /slow after 2 s: these are in flight when SIGTERM arrives.
    const inFlight = [1, 2, 3].map(() =>
      fetch(`${server.url}/api/deployments/${deployment.id}/api/v5/clients/slow`, { headers: { authorization } }).then(async (response) => ({ status: response.status, body: await response.text(), connection: response.headers.get('connection') })),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ code: 'DRAINING' });
    // Answered in full, each telling its client not to send more on that connection.
    expect(await Promise.all(inFlight)).toEqual([1, 2, 3].map(() => ({ status: 200, body: 'late', connection: 'close' })));
    expect(await server.exited).toBe(0);
    // Drained, not timed out: keep-alive connections were let go once their requests ended.
    expect(server.log()).not.toContain('still in flight after the drain time');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    server = await startServerProcess(env);
    cleanups.push(() => void server.child.kill('SIGTERM'));
    call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    const usage = await call('GET', `/api/console/deployments/${deployment.id}/keys/${key.id}/usage`);
    expect(usage.body.totals.success).toBe(3);
  }, 120_000);
});


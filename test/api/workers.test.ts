import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, freshServerEnvironment, signInOverHttp, spawnServerProcess, startServerProcess } from '../support/child-server';
import { commandLineOf, processTable } from '../support/processes';
import { testStoreKind } from '../support/test-store';
import { startUpstream } from '../support/upstream';

const ROOT = { email: 'root@example.com', password: 'workers test root password' };

/** One request on a connection of its own, so that the cluster hands each to the next worker. */
function freshConnectionGet(url: string, authorization: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false, headers: { authorization, connection: 'close' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

/** The gateway calls forwarded, as a scrape counts them. */
const METRICS_TOKEN = 'metrics-test-token-0123456789abcdef0123';
const forwardedIn = (metrics: string) => Number(/^keyward_gateway_requests_total\{outcome="success"\} (\d+)$/m.exec(metrics)?.[1]);

/** The cluster's workers: the primary's child processes that run Keyward (not tsx's esbuild). */
const workerProcesses = (primary: number) =>
  processTable()
    .filter((entry) => entry.parent === primary && commandLineOf(entry.pid).includes('server/main'))
    .map((entry) => entry.pid);

describe('KEYWARD_WORKERS: several server processes on one port', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it.runIf(testStoreKind === 'pglite')('refuses to start more than one on the embedded store, saying why', async () => {
    const env = await freshServerEnvironment(ROOT, cleanups, { KEYWARD_WORKERS: '2' });
    const server = spawnServerProcess(env, await freePort());
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('KEYWARD_WORKERS above 1 needs PostgreSQL (DATABASE_URL)');
  });

  /** Two workers on a fresh PostgreSQL database, a deployment forwarding upstream, and a key of it. */
  async function clusteredDeployment(env: Record<string, string> = {}) {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const server = await startServerProcess(
      await freshServerEnvironment(ROOT, cleanups, { KEYWARD_WORKERS: '2', KEYWARD_DEPLOYMENT_TRANSITION_SECONDS: '0', LOG_LEVEL: 'info', ...env }),
    );
    cleanups.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });
    const call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    const projectId = (await call('GET', '/api/console/projects')).body.projects[0].id;
    const deployment = (
      await call('POST', '/api/console/deployments', {
        name: 'clustered', projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1',
        upstreamUrl: upstream.url, upstreamApiKey: 'k', upstreamApiSecret: 'workers-upstream-secret',
      })
    ).body;
    const key = (await call('POST', `/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
    const authorization = `Basic ${Buffer.from(`${key.appId}:${key.appSecret}`).toString('base64')}`;
    // Both workers must be up before connections can go to each in turn.
    await expect.poll(() => (server.log().match(/worker \d+\) is ready/g) ?? []).length).toBe(2);
    return { server, call, deployment, key, authorization, url: `${server.url}/api/deployments/${deployment.id}/api/v5/clients` };
  }

  it.runIf(testStoreKind === 'postgres')('a key deleted through one process is refused by every process at once', async () => {
    const { call, deployment, key, authorization, url } = await clusteredDeployment();
    // Both processes verify (and cache) the key: connections go to the workers in turn.
    for (let index = 0; index < 10; index++) expect(await freshConnectionGet(url, authorization)).toBe(200);

    expect((await call('DELETE', `/api/console/deployments/${deployment.id}/keys/${key.id}`, {})).status).toBe(204);
    const after: number[] = [];
    for (let index = 0; index < 10; index++) after.push(await freshConnectionGet(url, authorization));
    expect(after).toEqual(Array(10).fill(401));
    // The sign-in session works in both processes too: the console call went to either.
    expect((await call('GET', '/api/console/session')).status).toBe(200);
  });

  it.runIf(testStoreKind === 'postgres')('answers /metrics for every process together, whichever process takes the scrape', async () => {
    const { server, authorization, url } = await clusteredDeployment({ KEYWARD_METRICS: 'true', KEYWARD_METRICS_TOKEN: METRICS_TOKEN });
    for (let index = 0; index < 10; index++) expect(await freshConnectionGet(url, authorization)).toBe(200);
    // Each scrape on a connection of its own: the workers take them in turn.
    const forwarded: number[] = [];
    for (let index = 0; index < 4; index++) {
      forwarded.push(forwardedIn(await (await fetch(`${server.url}/metrics`, { headers: { connection: 'close', authorization: `Bearer ${METRICS_TOKEN}` } })).text()));
    }
    expect(forwarded).toEqual([10, 10, 10, 10]);
  });

  it.runIf(testStoreKind === 'postgres')('answers /metrics while a worker that died is being replaced', async () => {
    const { server, authorization, url } = await clusteredDeployment({ KEYWARD_METRICS: 'true', KEYWARD_METRICS_TOKEN: METRICS_TOKEN });
    for (let index = 0; index < 4; index++) expect(await freshConnectionGet(url, authorization)).toBe(200);
    const workers = workerProcesses(server.child.pid!);
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, 'SIGKILL');
    // Once the primary knows, no connection is handed to the dead worker.
    await expect.poll(() => server.log()).toContain('Keyward worker exited');
    // Scrape until the replacement is ready: the primary starts one a second after the death, and
    // a scrape while it starts must not wait for it (it answered 500 after 5 s when it did).
    const statuses: number[] = [];
    let lastText = '';
    while ((server.log().match(/worker \d+\) is ready/g) ?? []).length < 3) {
      const response = await fetch(`${server.url}/metrics`, { headers: { connection: 'close', authorization: `Bearer ${METRICS_TOKEN}` } });
      statuses.push(response.status);
      lastText = await response.text();
    }
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // What the survivor counted, then the replacement counts too: every call from now on is summed.
    const before = forwardedIn(lastText);
    for (let index = 0; index < 6; index++) expect(await freshConnectionGet(url, authorization)).toBe(200);
    const after = forwardedIn(await (await fetch(`${server.url}/metrics`, { headers: { connection: 'close', authorization: `Bearer ${METRICS_TOKEN}` } })).text());
    expect(after).toBe(before + 6);
  });
});

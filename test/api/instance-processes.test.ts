import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshServerEnvironment, signInOverHttp, startServerProcess, type ServerProcess } from '../support/child-server';
import { testStoreKind } from '../support/test-store';
import { startUpstream } from '../support/upstream';

const ROOT = { email: 'root@example.com', password: 'instance processes root password' };
const FAILURES_PER_APP_ID = 3;

/** One gateway call over real HTTP. */
async function gatewayGet(url: string, appId: string, secret: string): Promise<number> {
  const response = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${appId}:${secret}`).toString('base64')}` } });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Two Keyward server processes, as an operator runs them (`server/main.ts` on two ports), on one
 * PostgreSQL database: what one is told, the other acts on, and what both count adds up. The
 * in-process variants (instances.test.ts) cover more changes; these prove it between processes.
 */
describe.runIf(testStoreKind === 'postgres')('two Keyward processes on one PostgreSQL', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  let onA: Awaited<ReturnType<typeof signInOverHttp>>;
  let deploymentId: string;

  beforeAll(async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const env = await freshServerEnvironment(ROOT, cleanups, {
      KEYWARD_DEPLOYMENT_TRANSITION_SECONDS: '0',
      KEYWARD_USAGE_FLUSH_SECONDS: '0.2',
      KEYWARD_GATEWAY_MAX_FAILURES_PER_APP_ID: String(FAILURES_PER_APP_ID),
    });
    // One after the other: the first migrates the database, the second finds it migrated.
    for (const assign of [(server: ServerProcess) => (a = server), (server: ServerProcess) => (b = server)]) {
      const server = await startServerProcess(env);
      cleanups.push(async () => {
        server.child.kill('SIGTERM');
        await server.exited;
      });
      assign(server);
    }
    onA = await signInOverHttp(a.url, ROOT.email, ROOT.password);
    const projectId = (await onA('GET', '/api/console/projects')).body.projects[0].id;
    deploymentId = (
      await onA('POST', '/api/console/deployments', {
        name: 'shared', projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1',
        upstreamUrl: upstream.url, upstreamApiKey: 'k', upstreamApiSecret: 'instance-processes-upstream-secret',
      })
    ).body.id;
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const newKey = async () =>
    (await onA('POST', `/api/console/deployments/${deploymentId}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body as {
      id: string;
      appId: string;
      appSecret: string;
    };
  const gatewayUrl = (server: ServerProcess) => `${server.url}/api/deployments/${deploymentId}/api/v5/clients`;

  it('refuses on B a key deleted through A, within a second (the delay is printed)', async () => {
    const key = await newKey();
    // B verifies and caches the key.
    expect(await gatewayGet(gatewayUrl(b), key.appId, key.appSecret)).toBe(200);
    expect(await gatewayGet(gatewayUrl(b), key.appId, key.appSecret)).toBe(200);

    expect((await onA('DELETE', `/api/console/deployments/${deploymentId}/keys/${key.id}`, {})).status).toBe(204);
    const deletedAt = performance.now();
    let refusedAfter = Infinity;
    while (performance.now() - deletedAt < 1_000) {
      if ((await gatewayGet(gatewayUrl(b), key.appId, key.appSecret)) === 401) {
        refusedAfter = performance.now() - deletedAt;
        break;
      }
    }
    console.log(`a key deleted through process A was refused by process B after ${refusedAfter.toFixed(1)} ms`);
    expect(refusedAfter).toBeLessThan(1_000);
  });

  it('adds up the usage both processes counted for one key', async () => {
    const key = await newKey();
    for (const [server, calls] of [[a, 3], [b, 4]] as const) {
      for (let i = 0; i < calls; i++) expect(await gatewayGet(gatewayUrl(server), key.appId, key.appSecret)).toBe(200);
    }
    const usageOf = async () => (await onA('GET', `/api/console/deployments/${deploymentId}/keys/${key.id}/usage`)).body.totals.success;
    // Each process flushes its counts on its own timer (every 0.2 s here).
    await expect.poll(usageOf, { timeout: 10_000 }).toBe(7);
  });

  it('shares the per-App-ID failure limit and the sign-in limit between the processes', async () => {
    const key = await newKey();
    const failures: number[] = [];
    for (let attempt = 0; attempt <= FAILURES_PER_APP_ID; attempt++) {
      failures.push(await gatewayGet(gatewayUrl(attempt % 2 === 0 ? a : b), key.appId, 'kwds_not-the-secret'));
    }
    expect(failures).toEqual([...Array<number>(FAILURES_PER_APP_ID).fill(401), 429]);

    const signIns: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const server = attempt % 2 === 0 ? a : b;
      const answer = await fetch(`${server.url}/api/console/session`, {
        method: 'POST',
        headers: { origin: server.url, 'x-keyward-csrf': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ email: ROOT.email, password: 'not the password' }),
      });
      await answer.arrayBuffer();
      signIns.push(answer.status);
    }
    expect(signIns).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, freshServerEnvironment, signInOverHttp, spawnServerProcess, startServerProcess } from '../support/child-server';
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

  it.runIf(testStoreKind === 'postgres')('a key deleted through one process is refused by every process at once', async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const env = await freshServerEnvironment(ROOT, cleanups, { KEYWARD_WORKERS: '2', KEYWARD_DEPLOYMENT_TRANSITION_SECONDS: '0', LOG_LEVEL: 'info' });
    const server = await startServerProcess(env);
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
    const url = `${server.url}/api/deployments/${deployment.id}/api/v5/clients`;

    // Both processes verify (and cache) the key: connections go to the workers in turn.
    for (let index = 0; index < 10; index++) expect(await freshConnectionGet(url, authorization)).toBe(200);
    await expect.poll(() => (server.log().match(/worker \d+\) is ready/g) ?? []).length).toBe(2);

    expect((await call('DELETE', `/api/console/deployments/${deployment.id}/keys/${key.id}`, {})).status).toBe(204);
    const after: number[] = [];
    for (let index = 0; index < 10; index++) after.push(await freshConnectionGet(url, authorization));
    expect(after).toEqual(Array(10).fill(401));
    // The sign-in session works in both processes too: the console call went to either.
    expect((await call('GET', '/api/console/session')).status).toBe(200);
  });
});

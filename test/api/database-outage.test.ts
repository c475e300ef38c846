import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, signInOverHttp, spawnServerProcess, startServerProcess } from '../support/child-server';
import { expectNoSecretsIn } from '../support/log-capture';
import { createPostgresDatabase, testDatabaseUrl, testStoreKind } from '../support/test-store';

const ROOT = { email: 'root@example.com', password: 'outage test root password' };

/** A TCP relay in front of PostgreSQL, so a test can take the database away and bring it back. */
function relay(port: number, target: { host: string; port: number }) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    async open() {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async cut() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
  };
}

describe.runIf(testStoreKind === 'postgres')('PostgreSQL outages', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('exits at start with a clear reason when PostgreSQL cannot be reached', async () => {
    const closedPort = await freePort();
    const { exited, stderr } = spawnServerProcess({ DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/none`, KEYWARD_SECRET_KEY: randomBytes(32).toString('hex') }, await freePort());
    expect(await exited).not.toBe(0);
    expect(stderr()).toMatch(/Keyward could not start: .*(ECONNREFUSED|connect)/);
  }, 30_000);

  it('answers 503 while the database is gone, stays up, and recovers when it is back', async () => {
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    const target = new URL(testDatabaseUrl());
    const relayPort = await freePort();
    const link = relay(relayPort, { host: target.hostname, port: Number(target.port || 5432) });
    await link.open();
    cleanups.push(link.cut);
    const through = new URL(database.url);
    through.host = `127.0.0.1:${relayPort}`;

    const secretKey = randomBytes(32).toString('hex');
    const server = await startServerProcess({
      DATABASE_URL: through.toString(),
      KEYWARD_SECRET_KEY: secretKey,
      KEYWARD_ROOT_EMAIL: ROOT.email,
      KEYWARD_ROOT_PASSWORD: ROOT.password,
      LOG_LEVEL: 'debug',
    });
    cleanups.push(() => server.child.kill('SIGKILL'));
    const call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    expect((await call('GET', '/api/console/projects')).status).toBe(200);

    await link.cut();
    const during = await call('GET', '/api/console/projects');
    expect(during.status).toBe(503);
    expect(during.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('unavailable') });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
    expect(server.child.exitCode).toBeNull();

    await link.open();
    let recovered = false;
    for (let attempt = 0; attempt < 50 && !recovered; attempt++) {
      recovered = (await call('GET', '/api/console/projects')).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Database errors are logged; the password and the master key never are.
    expectNoSecretsIn(server.log().split('\n'), [ROOT.password, secretKey]);
  }, 60_000);
});

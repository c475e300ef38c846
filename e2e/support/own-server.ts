import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function waitFor(check: () => Promise<boolean>, what: string) {
  for (let tries = 0; tries < 150; tries++) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not come up`);
}

/**
 * A built Keyward of a spec's own (`dist/server/main.js`, as operators run it) beside the shared
 * one, for settings the shared server must not have: its own data directory and master key,
 * `root` made at start, and `env` on top. `stop` ends it and removes its data.
 */
export async function startOwnServer(root: { email: string; password: string }, env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyward-own-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEYWARD_DATA_DIR: path.join(dir, 'data'),
      KEYWARD_SECRET_KEY: randomBytes(32).toString('hex'),
      KEYWARD_ROOT_EMAIL: root.email,
      KEYWARD_ROOT_PASSWORD: root.password,
      KEYWARD_UPSTREAM_ALLOW: '127.0.0.0/8',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'ignore',
  });
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 'Keyward');
  return {
    port,
    dir,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

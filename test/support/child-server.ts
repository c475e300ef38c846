import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase, providedTemplate, testStoreKind } from './test-store';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment of a server process on a store of its own: a fresh data directory (and, when
 * the tests run on PostgreSQL, a fresh database), a new master key, and `root` made at start.
 * What it made is undone by the cleanups it pushes.
 */
export async function freshServerEnvironment(
  root: { email: string; password: string },
  cleanups: (() => Promise<void> | void)[],
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-server-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  // A copy of the run's migrated, empty embedded database, when there is one (global-setup.ts).
  const template = testStoreKind === 'pglite' ? providedTemplate('pgliteDataDirTemplate') : undefined;
  if (template) cpSync(template, dataDir, { recursive: true });
  const env: Record<string, string> = {
    KEYWARD_DATA_DIR: dataDir,
    KEYWARD_SECRET_KEY: randomBytes(32).toString('hex'),
    KEYWARD_ROOT_EMAIL: root.email,
    KEYWARD_ROOT_PASSWORD: root.password,
    ...extra,
  };
  if (testStoreKind === 'postgres') {
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
  }
  return env;
}

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

/** Keyward as operators run it: `server/main.ts` in its own process, on a real port. */
export function spawnServerProcess(env: Record<string, string>, port: number) {
  const child = fork(MAIN, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KEYWARD_UPSTREAM_ALLOW: '127.0.0.0/8', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr, log: () => log };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything the process wrote, its log lines included. */
  log: () => string;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const { child, exited, log } = spawnServerProcess(env, port);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, exited, log };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

/** A console session over real HTTP. */
export async function signInOverHttp(url: string, email: string, password: string) {
  const headers = { origin: url, 'x-keyward-csrf': '1', 'content-type': 'application/json' };
  const signIn = await fetch(`${url}/api/console/session`, { method: 'POST', headers, body: JSON.stringify({ email, password }) });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, { method, headers: { ...headers, cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { deriveServerKeys } from '../server/secrets/master-key';
import { BENCH_SERVER_TYPESCRIPT, FULL_GC_ON_SIGNAL } from './gateway/full-collections';
import { findNginx, startNginx } from './gateway/nginx';
import { seedGatewayStore } from './gateway/seed';
import { benchDatabaseServer, withFreshDatabase } from './postgres';
import { processTree } from '../test/support/processes';

export interface LoadResult {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** CPU the server under test (its processes together) spent per answered request, in µs. */
  cpuMicrosPerRequest?: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const KEY_COUNT = Number(process.env.BENCH_KEYS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The round with the median throughput, as measured (its latencies with it). */
function medianRound(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// BENCH_CPU_PROF=<dir>: Keyward's process writes a V8 CPU profile there when the bench ends.
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF;

/**
 * Starts a Node server of the bench. TypeScript sources run through tsx; Keyward itself runs as
 * built (dist/server/main.js), as in production. Each can be made to collect fully (fullyCollected).
 */
export function start(script: string, env: Record<string, string>, profile = false): ChildProcess {
  const execArgv = [
    ...FULL_GC_ON_SIGNAL,
    ...(script.endsWith('.ts') ? BENCH_SERVER_TYPESCRIPT : []),
    ...(profile && CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : []),
  ];
  return fork(script, [], { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

export const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) =>
      http.get(url, (response) => (response.resume(), resolve((response.statusCode ?? 500) < 500))).on('error', () => resolve(false)),
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** CPU milliseconds servers (with the processes they started) have spent; undefined without /proc. */
export function serverCpuMs(pids: number[]): number | undefined {
  const tree = pids.flatMap((pid) => processTree(pid));
  return tree.length === 0 ? undefined : tree.reduce((sum, entry) => sum + entry.cpuMs, 0);
}

/** Loads `server` (its process ids, for their CPU time: nginx and its key check count together) at `url`. */
async function load(scenario: string, server: number | number[], url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const pids = [server].flat();
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const cpuBefore = serverCpuMs(pids);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const cpuAfter = serverCpuMs(pids);
  const cpuMicrosPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / result.requests.total;
  return { scenario, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, cpuMicrosPerRequest };
}

/**
 * Every Node server compared here in the state a server that has run a while is in: each takes
 * 1,000 requests, then three full collections (its process and any it started: Keyward's cluster
 * workers), then time to settle; each measurement's own 2-second warm-up optimizes afresh. Full
 * collections make later requests dearer (README, instructions per request), and the embedded
 * store's start-up already makes some in Keyward; without this, only Keyward was measured in that
 * state. nginx is never signalled (SIGUSR2 upgrades its binary).
 */
async function fullyCollected(servers: { pid: number; url: string; headers?: Record<string, string> }[]): Promise<void> {
  for (const server of servers) await autocannon({ url: server.url, connections: CONNECTIONS, amount: 1000, headers: server.headers ?? {} });
  for (const server of servers) for (const { pid } of processTree(server.pid)) process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 3000));
}

/** 100 requests a second with a wrong App Secret, for as long as `during` runs. */
async function withBadSecrets<T>(url: string, appId: string, during: () => Promise<T>): Promise<{ result: T; sent: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const authorization = `Basic ${Buffer.from(`${appId}:kwds_not-the-secret`).toString('base64')}`;
  let sent = 0;
  const timer = setInterval(() => {
    sent++;
    http.get(url, { agent, headers: { authorization } }, (response) => response.resume()).on('error', () => undefined);
  }, 10);
  try {
    return { result: await during(), sent };
  } finally {
    clearInterval(timer);
    agent.destroy();
  }
}

/** The throughput of each scenario in one round, measured seconds apart from one another. */
export interface GatewayRound {
  nginx?: number;
  bare: number;
  floor: number;
  keyward: number;
  keywardWithoutUsage: number;
  twoWorkers?: number;
  attacked: number;
  /** p99 of (c) less p99 of (b), in ms. */
  addedP99: number;
  /** CPU µs per request of (n) and (c), where /proc tells. */
  nginxCpu?: number;
  keywardCpu?: number;
  /** (p), nginx with auth_request to a Node key check: throughput, CPU µs per request of both, and p99 less (c)'s. */
  authRequest?: number;
  authRequestCpu?: number;
  /** p99 of (c) less p99 of (p), in ms: below 0 when Keyward adds less. */
  p99OverAuthRequest?: number;
}

export interface GatewayBenchResult {
  direct: LoadResult;
  /** Debian's nginx, one worker, when the machine has it. */
  nginx?: LoadResult;
  /** The same nginx with auth_request to a minimal Node key-check service: the pair that does Keyward's job. */
  authRequest?: LoadResult;
  bare: LoadResult;
  /** The floor of any Node.js gateway: node:http in, undici out, nothing checked (raw-proxy.ts). */
  floor: LoadResult;
  keyward: LoadResult;
  keywardWithoutUsage: LoadResult;
  /** KEYWARD_WORKERS=2 on PostgreSQL, when the bench may make a database (BENCH_DATABASE_URL). */
  twoWorkers?: LoadResult;
  attacked: LoadResult;
  badSecretsSent: number;
  rounds: GatewayRound[];
}

export async function runGatewayBench(): Promise<GatewayBenchResult> {
  // The built server, made or refreshed as `npm start` would.
  execFileSync(process.execPath, [path.join(here, '..', 'scripts', 'ensure-build.mjs')], { stdio: 'inherit' });
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-bench-'));
  const quietDataDir = `${dataDir}-no-usage`;
  const nginxDir = mkdtempSync(path.join(tmpdir(), 'keyward-bench-nginx-'));
  const pairDir = mkdtempSync(path.join(tmpdir(), 'keyward-bench-auth-request-'));
  try {
    const upstreamPort = await freePort();
    const upstream = start(path.join(here, 'gateway/upstream-server.ts'), { PORT: String(upstreamPort) });
    children.push(upstream);
    const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
    await waitFor(`${upstreamUrl}/`);

    const proxyPort = await freePort();
    const bareProxy = start(path.join(here, 'gateway/bare-proxy.ts'), { PORT: String(proxyPort), UPSTREAM_URL: upstreamUrl });
    children.push(bareProxy);
    await waitFor(`http://127.0.0.1:${proxyPort}/api/deployments/x/`);

    const floorPort = await freePort();
    const floorProxy = start(path.join(here, 'gateway/raw-proxy.ts'), { PORT: String(floorPort), UPSTREAM_URL: upstreamUrl });
    children.push(floorProxy);
    await waitFor(`http://127.0.0.1:${floorPort}/api/deployments/x/`);

    const nginxBinary = findNginx();
    const nginxPort = await freePort();
    const nginx = nginxBinary ? startNginx(nginxBinary, nginxDir, nginxPort, upstreamUrl) : undefined;
    if (nginx) {
      children.push(nginx);
      await waitFor(`http://127.0.0.1:${nginxPort}/api/deployments/x/`);
    }

    const master = randomBytes(32);
    const seeded = await seedGatewayStore({ kind: 'pglite', dataDir }, deriveServerKeys(master), upstreamUrl, KEY_COUNT);

    // (p): the same nginx, asking a key-check service that holds the same key and permissions.
    let pair: { port: number; pids: number[]; checkPid: number } | undefined;
    if (nginxBinary) {
      const checkPort = await freePort();
      const check = start(path.join(here, 'gateway/key-check-service.ts'), {
        PORT: String(checkPort),
        APP_ID: seeded.appId,
        APP_SECRET: seeded.appSecret,
        PERMISSIONS: JSON.stringify(seeded.permissions),
      });
      children.push(check);
      const port = await freePort();
      const pairNginx = startNginx(nginxBinary, pairDir, port, upstreamUrl, undefined, `http://127.0.0.1:${checkPort}`);
      children.push(pairNginx);
      await waitFor(`http://127.0.0.1:${port}/api/deployments/x/`);
      pair = { port, pids: [pairNginx.pid!, check.pid!], checkPid: check.pid! };
    }
    // The same store twice: one server counts usage, the other has KEYWARD_USAGE_RECORDING=false.
    cpSync(dataDir, quietDataDir, { recursive: true });
    const startKeyward = async (directory: string, recording: boolean, profile: boolean, env: Record<string, string> = {}) => {
      const port = await freePort();
      const child = start(path.join(here, '..', 'dist', 'server', 'main.js'), {
        PORT: String(port),
        HOST: '127.0.0.1',
        KEYWARD_DATA_DIR: directory,
        KEYWARD_SECRET_KEY: master.toString('hex'),
        KEYWARD_UPSTREAM_ALLOW: '127.0.0.1',
        KEYWARD_USAGE_RECORDING: String(recording),
        LOG_LEVEL: 'silent',
        ...env,
      }, profile);
      children.push(child);
      await waitFor(`http://127.0.0.1:${port}/healthz`);
      return { port, pid: child.pid! };
    };
    const keyward = await startKeyward(dataDir, true, true);
    const quiet = await startKeyward(quietDataDir, false, false);

    const apiPath = `/api/deployments/${seeded.deploymentId}/api/v5/clients`;
    const authorization = `Basic ${Buffer.from(`${seeded.appId}:${seeded.appSecret}`).toString('base64')}`;
    const gatewayUrl = `http://127.0.0.1:${keyward.port}${apiPath}`;
    await fullyCollected([
      { pid: upstream.pid!, url: `${upstreamUrl}/api/v5/clients` },
      { pid: bareProxy.pid!, url: `http://127.0.0.1:${proxyPort}${apiPath}` },
      { pid: floorProxy.pid!, url: `http://127.0.0.1:${floorPort}${apiPath}` },
      ...(pair ? [{ pid: pair.checkPid, url: `http://127.0.0.1:${pair.port}${apiPath}`, headers: { authorization } }] : []),
      { pid: keyward.pid, url: gatewayUrl, headers: { authorization } },
      { pid: quiet.pid, url: `http://127.0.0.1:${quiet.port}${apiPath}`, headers: { authorization } },
    ]);
    const direct = await load('(a) upstream directly', upstream.pid!, `${upstreamUrl}/api/v5/clients`);
    // The machine's load drifts within a run (and JIT warm-up favours whatever runs later), so
    // the proxies take turns, ROUNDS times, each reports its median round, and (c) and (c0)
    // swap places every round. Ratios are taken within each round, between measurements seconds
    // apart, and the median of those is the run's ratio.
    const measure = async (workers: { port: number; pid: number; authorization: string } | undefined): Promise<GatewayBenchResult> => {
      const rounds = { pair: [] as LoadResult[], nginx: [] as LoadResult[], bare: [] as LoadResult[], floor: [] as LoadResult[], keyward: [] as LoadResult[], quiet: [] as LoadResult[], workers: [] as LoadResult[], attacked: [] as LoadResult[] };
      let badSecretsSent = 0;
      const perRound: GatewayRound[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        if (nginx) rounds.nginx.push(await load('(n) nginx 1.22, one worker, keep-alive proxy', nginx.pid!, `http://127.0.0.1:${nginxPort}${apiPath}`));
        if (pair) {
          rounds.pair.push(await load('(p) nginx auth_request + Node key check (in-memory key, same grants)', pair.pids, `http://127.0.0.1:${pair.port}${apiPath}`, { authorization }));
        }
        rounds.bare.push(await load('(b) bare Fastify + @fastify/reply-from proxy', bareProxy.pid!, `http://127.0.0.1:${proxyPort}${apiPath}`));
        rounds.floor.push(await load('(r) node:http + undici, nothing checked', floorProxy.pid!, `http://127.0.0.1:${floorPort}${apiPath}`));
        const withUsage = () => load(`(c) Keyward gateway, key with 50 permissions, ${KEY_COUNT.toLocaleString('en')} keys`, keyward.pid, gatewayUrl, { authorization });
        const withoutUsage = () => load('(c0) as (c), usage recording off', quiet.pid, `http://127.0.0.1:${quiet.port}${apiPath}`, { authorization });
        if (round % 2 === 0) {
          rounds.keyward.push(await withUsage());
          rounds.quiet.push(await withoutUsage());
        } else {
          rounds.quiet.push(await withoutUsage());
          rounds.keyward.push(await withUsage());
        }
        if (workers) {
          rounds.workers.push(await load('(c2) as (c), PostgreSQL, KEYWARD_WORKERS=2', workers.pid, `http://127.0.0.1:${workers.port}${apiPath}`, { authorization: workers.authorization }));
        }
        const attacked = await withBadSecrets(gatewayUrl, seeded.appId, () => load('(d) as (c), plus 100 bad-secret requests/s', keyward.pid, gatewayUrl, { authorization }));
        rounds.attacked.push(attacked.result);
        badSecretsSent += attacked.sent;
        perRound.push({
          nginx: rounds.nginx.at(-1)?.requestsPerSecond,
          bare: rounds.bare.at(-1)!.requestsPerSecond,
          floor: rounds.floor.at(-1)!.requestsPerSecond,
          keyward: rounds.keyward.at(-1)!.requestsPerSecond,
          keywardWithoutUsage: rounds.quiet.at(-1)!.requestsPerSecond,
          twoWorkers: rounds.workers.at(-1)?.requestsPerSecond,
          attacked: attacked.result.requestsPerSecond,
          addedP99: rounds.keyward.at(-1)!.p99 - rounds.bare.at(-1)!.p99,
          nginxCpu: rounds.nginx.at(-1)?.cpuMicrosPerRequest,
          keywardCpu: rounds.keyward.at(-1)!.cpuMicrosPerRequest,
          authRequest: rounds.pair.at(-1)?.requestsPerSecond,
          authRequestCpu: rounds.pair.at(-1)?.cpuMicrosPerRequest,
          p99OverAuthRequest: pair ? rounds.keyward.at(-1)!.p99 - rounds.pair.at(-1)!.p99 : undefined,
        });
      }
      return {
        direct,
        nginx: nginx ? medianRound(rounds.nginx) : undefined,
        authRequest: pair ? medianRound(rounds.pair) : undefined,
        bare: medianRound(rounds.bare),
        floor: medianRound(rounds.floor),
        keyward: medianRound(rounds.keyward),
        keywardWithoutUsage: medianRound(rounds.quiet),
        twoWorkers: workers ? medianRound(rounds.workers) : undefined,
        attacked: medianRound(rounds.attacked),
        badSecretsSent,
        rounds: perRound,
      };
    };
    const databaseServer = benchDatabaseServer();
    if (!databaseServer) return await measure(undefined);
    return await withFreshDatabase(databaseServer, async (databaseUrl) => {
      // The same deployment and App ID; the secret is this store's own.
      const inPostgres = await seedGatewayStore({ kind: 'postgres', databaseUrl }, deriveServerKeys(master), upstreamUrl, KEY_COUNT);
      const workers = await startKeyward(`${dataDir}-workers`, true, false, { DATABASE_URL: databaseUrl, KEYWARD_WORKERS: '2' });
      try {
        const workersAuthorization = `Basic ${Buffer.from(`${inPostgres.appId}:${inPostgres.appSecret}`).toString('base64')}`;
        await fullyCollected([{ pid: workers.pid, url: `http://127.0.0.1:${workers.port}${apiPath}`, headers: { authorization: workersAuthorization } }]);
        return await measure({ ...workers, authorization: workersAuthorization });
      } finally {
        // The database goes next: its server process first.
        const child = children.pop()!;
        child.kill('SIGTERM');
        await exited(child);
      }
    });
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    for (const directory of [dataDir, quietDataDir, `${dataDir}-workers`, nginxDir, pairDir]) rmSync(directory, { recursive: true, force: true });
  }
}

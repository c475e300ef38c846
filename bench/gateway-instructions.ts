import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { deriveServerKeys } from '../server/secrets/master-key';
import { exited, freePort, start, waitFor } from './gateway-bench';
import { BENCH_SERVER_TYPESCRIPT, FULL_GC_ON_SIGNAL } from './gateway/full-collections';
import { findNginx, startNginx } from './gateway/nginx';
import { seedGatewayStore } from './gateway/seed';
import { benchDatabaseServer, withFreshDatabase } from './postgres';
import type { StoreOptions } from '../server/db/store';

/**
 * Instructions per forwarded request, counted by valgrind's callgrind. Throughput and CPU time on
 * a shared 2-core VM drift by 10-20% between runs; these counts repeat within about 1% for the
 * same build, so a change to the hot path shows as a number. The main thread is
 * what one event loop (or nginx's one process) can serve; the other threads are V8's compilers
 * and garbage collector.
 */
export interface InstructionCount {
  scenario: string;
  requests: number;
  mainThread: number;
  allThreads: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const REQUESTS = Number(process.env.BENCH_INSTRUCTION_REQUESTS ?? 4000);
// V8 keeps optimizing for a while: counts taken earlier carry compiler work (other threads).
const WARM_UP = Number(process.env.BENCH_INSTRUCTION_WARM_UP ?? 30_000);
/** What can be counted: nginx, the Node floor (node:http + undici) and Keyward. */
export type CountedServer = 'nginx' | 'floor' | 'keyward';
/**
 * What made the same build count differently from run to run, and is held still here: V8
 * compiles and collects garbage on threads of its own and on timers (its memory reducer), so
 * under valgrind, which runs one thread at a time and 50 times slower, when optimized code and
 * collections arrived varied (the same floor counted 139k, 171k and 142k). V8's predictable
 * mode runs all of it on the main thread on a fixed schedule, with fixed seeds.
 */
const PREDICTABLE_V8 = ['--predictable', '--predictable-gc-schedule'];
/** BENCH_CALLGRIND_PERF_MAP: V8's map of its compiled code, which names it (bench/callgrind-functions.ts). */
const PERF_MAP = process.env.BENCH_CALLGRIND_PERF_MAP ? ['--perf-basic-prof'] : [];
/** How every Node server counted here runs (count() asks each for full collections). */
const NODE_FLAGS = [...PREDICTABLE_V8, ...FULL_GC_ON_SIGNAL, ...PERF_MAP];
// valgrind names its control pipes after HOST; every program here and its controller share one.
const HOST = '127.0.0.1';

const hasValgrind = () => {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Callgrind acts on a command only while the program runs: requests wake it until it has. */
async function control(
  flag: '--zero' | '--dump',
  pid: number,
  url: string,
  headers: Record<string, string>,
): Promise<void> {
  let done = false;
  const controller = spawn('callgrind_control', [flag, String(pid)], {
    stdio: 'ignore',
    env: { ...process.env, HOST },
  });
  const finished = new Promise<void>((resolve) => controller.on('exit', () => resolve()));
  void finished.then(() => (done = true));
  while (!done) {
    await sleep(300);
    if (done) break;
    // The very request that is counted: another client's headers (node:http's own, in another
    // order) make other object shapes, and V8 threw away the gateway's optimized code for them
    // and compiled it again inside the counted requests.
    await autocannon({ url, headers, connections: 1, amount: 1 });
  }
}

/** Counts what `program` runs per request between a warm-up and a dump, by thread. */
async function count(
  scenario: string,
  launch: (valgrind: string[]) => ChildProcess,
  url: string,
  headers: Record<string, string> = {},
  { fullCollections = true }: { fullCollections?: boolean } = {},
): Promise<InstructionCount> {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyward-callgrind-'));
  const valgrind = [
    'valgrind',
    '--quiet',
    '--tool=callgrind',
    '--separate-threads=yes',
    '--smc-check=all-non-file',
    `--callgrind-out-file=${path.join(dir, 'callgrind.out')}`,
  ];
  const child = launch(valgrind);
  try {
    await waitFor(url, 300_000);
    // Full collections, as a server that has run for a while has had (gateway/full-gc-on-signal.cjs),
    // early in the warm-up so that the code is optimized again before anything is counted: the
    // floor counted 140.6k a request without them and 183.8k with them, the same program.
    if (fullCollections) {
      await autocannon({ url, headers, connections: 10, amount: 1000 });
      child.kill('SIGUSR2');
      await sleep(10_000);
    }
    await autocannon({ url, headers, connections: 10, amount: WARM_UP });
    // Then as many requests as are counted, one at a time as they will be: code optimized for ten
    // connections at once meets other object shapes on one, and V8 deoptimized and optimized
    // again inside the counted requests (--trace-opt: 40 optimizations there without this).
    await autocannon({ url, headers, connections: 1, amount: REQUESTS });
    await control('--zero', child.pid!, url, headers);
    // One request at a time: with several connections, how many requests one turn of the event
    // loop serves depends on how fast the load generator runs beside it, and so did the count
    // (the same floor counted 142k and 171k). One at a time, each request costs what it costs.
    const measured = await autocannon({ url, headers, connections: 1, amount: REQUESTS });
    if (measured.non2xx > 0 || measured.errors > 0)
      throw new Error(`${scenario}: ${measured.non2xx} non-2xx answers, ${measured.errors} errors`);
    await control('--dump', child.pid!, url, headers);
    // One file per thread, `callgrind.out.<dump>-<thread>`, each with its total.
    const perThread = readdirSync(dir)
      .filter((name) => /^callgrind\.out\.\d+-\d+$/.test(name))
      .map((name) => ({
        thread: Number(name.split('-').at(-1)),
        total: Number(
          /^(?:summary|totals): (\d+)/m.exec(readFileSync(path.join(dir, name), 'utf8'))?.[1] ?? 0,
        ),
      }));
    const requests = measured.requests.total;
    const all = perThread.reduce((sum, entry) => sum + entry.total, 0);
    const main = perThread.find((entry) => entry.thread === 1)?.total ?? 0;
    return { scenario, requests, mainThread: main / requests, allThreads: all / requests };
  } finally {
    child.kill('SIGKILL');
    await exited(child);
    if (process.env.BENCH_CALLGRIND_KEEP) console.log(`callgrind's files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * nginx (one process), the Node floor and Keyward, each counted alone (those in `servers`, or in
 * BENCH_INSTRUCTION_SERVERS, comma-separated); undefined without valgrind.
 */
export async function runGatewayInstructionBench(
  servers: readonly CountedServer[],
): Promise<InstructionCount[] | undefined> {
  const counted = new Set(process.env.BENCH_INSTRUCTION_SERVERS?.split(',') ?? servers);
  if (!hasValgrind()) return undefined;
  execFileSync(process.execPath, [path.join(here, '..', 'scripts', 'ensure-build.mjs')], {
    stdio: 'inherit',
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-bench-instructions-'));
  const nginxDir = mkdtempSync(path.join(tmpdir(), 'keyward-bench-instructions-nginx-'));
  const upstreamPort = await freePort();
  const upstream = start(path.join(here, 'gateway/upstream-server.ts'), {
    PORT: String(upstreamPort),
  });
  const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
  const results: InstructionCount[] = [];
  try {
    await waitFor(`${upstreamUrl}/`);
    const apiPath = '/api/deployments/b0e0c4a1/api/v5/clients';
    const nginxBinary = counted.has('nginx') ? findNginx() : undefined;
    if (nginxBinary) {
      const port = await freePort();
      results.push(
        await count(
          '(n) nginx 1.22, one process',
          (valgrind) =>
            startNginx(nginxBinary, nginxDir, port, upstreamUrl, {
              command: valgrind,
              env: { ...process.env, HOST },
            }),
          `http://127.0.0.1:${port}${apiPath}`,
          {},
          { fullCollections: false }, // nginx is no Node server (and SIGUSR2 upgrades its binary)
        ),
      );
    }
    const rawPort = await freePort();
    if (counted.has('floor'))
      results.push(
        await count(
          '(r) node:http + undici, nothing else',
          ([program, ...args]) =>
            spawn(
              program!,
              [
                ...args,
                process.execPath,
                ...NODE_FLAGS,
                ...BENCH_SERVER_TYPESCRIPT,
                path.join(here, 'gateway/raw-proxy.ts'),
              ],
              {
                env: { ...process.env, HOST, PORT: String(rawPort), UPSTREAM_URL: upstreamUrl },
                stdio: ['ignore', 'ignore', 'inherit'],
              },
            ),
          `http://127.0.0.1:${rawPort}${apiPath}`,
        ),
      );
    if (!counted.has('keyward')) return results;
    // On PostgreSQL where a server is named (BENCH_DATABASE_URL or TEST_DATABASE_URL): the writes
    // Keyward makes by the clock (each key's last use once a minute) then run in another process.
    // On the embedded store they run here, and under valgrind a minute is a few hundred requests
    // rather than tens of thousands, so they counted for up to a sixth of the total.
    const server = benchDatabaseServer();
    const countKeyward = async (
      storage: StoreOptions,
      databaseEnvironment: Record<string, string>,
    ) => {
      const master = randomBytes(32);
      const seeded = await seedGatewayStore(storage, deriveServerKeys(master), upstreamUrl, 1000);
      const keywardPort = await freePort();
      const environment = {
        HOST,
        PORT: String(keywardPort),
        ...databaseEnvironment,
        KEYWARD_SECRET_KEY: master.toString('hex'),
        KEYWARD_UPSTREAM_ALLOW: '127.0.0.1',
        LOG_LEVEL: 'silent',
        // Usage is written every 10 s of wall time, which under valgrind is a write every few
        // hundred requests rather than every 10,000: none falls inside the counted requests.
        KEYWARD_USAGE_FLUSH_SECONDS: '3600',
      };
      return count(
        `(c) Keyward gateway, key with 50 permissions${server ? ' (PostgreSQL)' : ''}`,
        ([program, ...args]) =>
          spawn(
            program!,
            [
              ...args,
              process.execPath,
              ...NODE_FLAGS,
              path.join(here, '..', 'dist', 'server', 'main.js'),
            ],
            { env: { ...process.env, ...environment }, stdio: ['ignore', 'ignore', 'inherit'] },
          ),
        `http://127.0.0.1:${keywardPort}/api/deployments/${seeded.deploymentId}/api/v5/clients`,
        {
          authorization: `Basic ${Buffer.from(`${seeded.appId}:${seeded.appSecret}`).toString('base64')}`,
        },
      );
    };
    results.push(
      server
        ? await withFreshDatabase(server, (databaseUrl) =>
            countKeyward({ kind: 'postgres', databaseUrl }, { DATABASE_URL: databaseUrl }),
          )
        : await countKeyward({ kind: 'pglite', dataDir }, { KEYWARD_DATA_DIR: dataDir }),
    );
    return results;
  } finally {
    upstream.kill('SIGTERM');
    await exited(upstream);
    for (const directory of [dataDir, nginxDir])
      rmSync(directory, { recursive: true, force: true });
  }
}

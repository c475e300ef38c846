import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from '../test/support/child-server';
import { seedConsoleStore } from './console/seed';
import { benchDatabaseServer, withFreshDatabase } from './postgres';
import { percentile } from './stats';

export interface ConsoleLoadResult {
  store: string;
  request: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROOT = { email: 'root@bench.example', password: 'bench root password' };

/**
 * The console's read paths under 20 concurrent clients, with 10,000 keys over 1,000 deployments:
 * on the embedded store, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names
 * a server where a database may be created.
 */
export async function runConsoleBench(): Promise<ConsoleLoadResult[]> {
  const results = await runOn('embedded (PGlite)', {});
  const server = benchDatabaseServer();
  if (server) results.push(...(await withFreshDatabase(server, (url) => runOn('PostgreSQL', { DATABASE_URL: url }))));
  return results;
}

async function runOn(store: string, env: Record<string, string>): Promise<ConsoleLoadResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-console-bench-'));
  const target = env.DATABASE_URL ? { kind: 'postgres' as const, databaseUrl: env.DATABASE_URL } : { kind: 'pglite' as const, dataDir };
  const { sampleDeploymentId } = await seedConsoleStore(target, 1_000, 10, ROOT);
  const server = await startServerProcess({ KEYWARD_DATA_DIR: dataDir, KEYWARD_SECRET_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', ...env });
  try {
    const signIn = await fetch(`${server.url}/api/console/session`, {
      method: 'POST',
      headers: { origin: server.url, 'x-keyward-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify(ROOT),
    });
    const cookie = signIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const results: ConsoleLoadResult[] = [];
    for (const [label, requestPath] of [
      ['deployments, first page (50)', '/api/console/deployments?limit=50'],
      ['deployments, search "fleet-99"', '/api/console/deployments?search=fleet-99&limit=50'],
      ['one deployment', `/api/console/deployments/${sampleDeploymentId}`],
      ["one deployment's keys (10)", `/api/console/deployments/${sampleDeploymentId}/keys`],
      ['audit log, first page (50)', '/api/console/audit-events?limit=50'],
    ] as const) {
      const options = { url: `${server.url}${requestPath}`, connections: 20, headers: { cookie } };
      await autocannon({ ...options, duration: 2 });
      // autocannon summarises at p97.5; the goal is p95, so keep every response's time.
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon({ ...options, duration: SECONDS }, (error, finished) => (error ? reject(error) : resolve(finished)));
        instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      });
      results.push({
        store,
        request: label,
        requestsPerSecond: result.requests.average,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        non2xx: result.non2xx,
      });
    }
    return results;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

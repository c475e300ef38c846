import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { organizations } from '../server/db/schema';
import { openStore, type Store, type StoreOptions } from '../server/db/store';
import { keyUsageReport } from '../server/usage/usage-reports';
import { createUsageRecorder, MINUTE } from '../server/usage/usage-recorder';
import { DEFAULT_USAGE_RETENTION as RETENTION, rollUpUsage, USAGE_TABLES } from '../server/usage/usage-retention';
import { benchDatabaseServer, withFreshDatabase } from './postgres';
import { percentile } from './stats';

/** BENCH_USAGE_DAYS: how many simulated days (a month by default). */
const DAYS = Number(process.env.BENCH_USAGE_DAYS ?? 30);
/** 1,000 requests a second, spread over this many keys, each calling these endpoints. */
const RATE = 1_000;
const KEYS = 20;
const ENDPOINTS = ['/clients', '/clients/{clientid}', '/subscriptions', '/topics', '/nodes'];
const OUTCOMES = ['success', 'denied_403', 'upstream_4xx'] as const;

export interface UsageScaleResult {
  days: number;
  requestsPerSecond: number;
  rowsPerMinute: number;
  simulatedSeconds: number;
  /** At the end of each simulated day. */
  daily: { day: number; rows: number; bytes: number }[];
  store: Store['kind'];
  /** A key's Usage view over 30 days and over 7 days, 20 reads each, in ms. */
  chart30dP95: number;
  chart7dP95: number;
}

/**
 * Usage at scale (issue 28): a month of traffic at 1,000 requests a second on PostgreSQL, with an
 * injected clock. The server's own recorder, roll-up and retention run as they do in production
 * (a flush every 10 simulated minutes, a roll-up every simulated hour). Rows depend on how many
 * (key, endpoint, method, outcome) combinations each minute sees, not on how many requests each
 * counts, so the recorder is driven once per combination per minute (KEYS x ENDPOINTS x OUTCOMES
 * rows a minute, as 1,000 requests a second over those combinations make); request totals are
 * not what is measured. Reported: rows and bytes at the end of each day, and the Usage view of a
 * key with a month of data. On PostgreSQL (BENCH_DATABASE_URL) a VACUUM after each simulated hour
 * stands in for autovacuum, which a month compressed into minutes would outrun; on the embedded
 * store (the default) the server's own reclaim after each roll-up is all there is.
 */
export async function runUsageBench(): Promise<UsageScaleResult> {
  const server = benchDatabaseServer();
  if (server) return withFreshDatabase(server, (databaseUrl) => simulate({ kind: 'postgres', databaseUrl }));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-usage-bench-'));
  try {
    return await simulate({ kind: 'pglite', dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function simulate(options: StoreOptions): Promise<UsageScaleResult> {
  const store = await openStore(options);
  try {
    const organizationId = randomUUID();
    await store.db.insert(organizations).values({ id: organizationId, name: 'Usage bench' });
    let clock = Date.UTC(2026, 10, 1);
    const recorder = createUsageRecorder({
      db: store.db,
      now: () => clock,
      flushMs: 0,
      onError: (error) => {
        throw error;
      },
    });
    const labels = Array.from({ length: KEYS }, (_, index) => `kwa_usagebench${String(index).padStart(8, '0')}`);
    const daily: UsageScaleResult['daily'] = [];
    const started = performance.now();
    for (let minute = 1; minute <= DAYS * 24 * 60; minute++) {
      for (const [index, keyLabel] of labels.entries()) {
        for (const endpoint of ENDPOINTS) {
          for (const outcome of OUTCOMES) {
            recorder.record({
              organizationId,
              keyKind: 'deployment',
              keyLabel,
              deploymentId: 'b0e0c4a1',
              endpoint,
              method: 'GET',
              outcome,
              keywardMs: 0.4,
              upstreamMs: outcome === 'denied_403' ? 0 : 3,
              address: `10.0.${index}.1`,
            });
          }
        }
      }
      clock += MINUTE;
      if (minute % 10 === 0) await recorder.flush();
      if (minute % 60 === 0) {
        await rollUpUsage(store.db, clock, RETENTION);
        await store.reclaim(USAGE_TABLES);
        if (store.kind === 'postgres') await store.db.execute(sql.raw(`vacuum ${USAGE_TABLES.join(', ')}`));
      }
      if (minute % (24 * 60) === 0) {
        const measured = (await store.db.execute(sql`select (select count(*) from key_usage)::float8 as rows,
            (pg_total_relation_size('key_usage') + pg_total_relation_size('key_client_addresses'))::float8 as bytes`)) as unknown as { rows: { rows: number; bytes: number }[] };
        // PGlite answers with its own result shape; both carry the rows.
        const [row] = measured.rows;
        daily.push({ day: minute / (24 * 60), rows: Number(row!.rows), bytes: Number(row!.bytes) });
      }
    }
    const simulatedSeconds = (performance.now() - started) / 1000;
    const timed = async (range: '30d' | '7d') => {
      const times: number[] = [];
      for (let read = 0; read < 20; read++) {
        const since = performance.now();
        await keyUsageReport(store.db, 'deployment', labels[0]!, range, clock);
        times.push(performance.now() - since);
      }
      return percentile(times, 95);
    };
    return {
      store: store.kind,
      days: DAYS,
      requestsPerSecond: RATE,
      rowsPerMinute: KEYS * ENDPOINTS.length * OUTCOMES.length,
      simulatedSeconds,
      daily,
      chart30dP95: await timed('30d'),
      chart7dP95: await timed('7d'),
    };
  } finally {
    await store.close();
  }
}

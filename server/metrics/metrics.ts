import cluster from 'node:cluster';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UsageOutcome } from '../../contract/usage-outcomes';
import { clusterScraper } from './cluster-metrics';

export type Surface = 'gateway' | 'platform_api' | 'console' | 'other';

// Seconds. The gateway's added time sits well under a millisecond; upstreams take tens.
const ADDED_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1];
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics for operators (prom-client). Labels are surfaces, outcomes, status classes
 * and deployment ids: never a key, an App ID or a secret (per-key numbers live in the console).
 */
export function createMetrics(deps: { poolStats?: () => { total: number; idle: number; waiting: number } } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'keyward_' });
  // The counters the gateway moves on every request are plain numbers until scraped: prom-client's
  // inc() builds a string of the labels and looks it up on every call, which was several calls
  // per request on the gateway's hot path. Each is handed to its counter as it is collected.
  /** Answers by surface, then by the status's first digit. */
  const answered = new Map<Surface, number[]>();
  new Counter({
    name: 'keyward_http_requests_total',
    help: 'HTTP requests answered, by surface and status class.',
    labelNames: ['surface', 'status_class'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [surface, byClass] of answered) byClass.forEach((count, digit) => count > 0 && this.inc({ surface, status_class: `${digit}xx` }, count));
    },
  });
  const duration = new Histogram({
    name: 'keyward_http_request_duration_seconds',
    help: 'Time to answer, by surface.',
    labelNames: ['surface'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const outcomes = new Map<UsageOutcome, number>();
  new Counter({
    name: 'keyward_gateway_requests_total',
    help: 'Deployment API requests that named a known key, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [outcome, count] of outcomes) this.inc({ outcome }, count);
    },
  });
  const added = new Histogram({
    name: 'keyward_gateway_added_latency_seconds',
    help: 'Time Keyward added to a forwarded request (total minus the upstream).',
    buckets: ADDED_BUCKETS,
    registers: [registry],
  });
  const upstream = new Histogram({
    name: 'keyward_gateway_upstream_latency_seconds',
    help: "Time until an upstream's answer began, by deployment.",
    labelNames: ['deployment'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'keyward_gateway_upstream_errors_total',
    help: 'Forwarded requests answered 5xx (or unreachable, timed out), by deployment.',
    labelNames: ['deployment'] as const,
    registers: [registry],
  });
  const credentials = { hit: 0, miss: 0 };
  new Counter({
    name: 'keyward_gateway_credential_cache_total',
    help: 'Gateway credential lookups answered from memory (hit) or the database (miss).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const result of ['hit', 'miss'] as const) if (credentials[result] > 0) this.inc({ result }, credentials[result]);
    },
  });
  let lastFlush = Date.now();
  new Gauge({
    name: 'keyward_usage_flush_lag_seconds',
    help: 'Seconds since usage counts were last written to the database.',
    registers: [registry],
    // Across KEYWARD_WORKERS, the process that is furthest behind.
    aggregator: 'max',
    collect() {
      this.set((Date.now() - lastFlush) / 1000);
    },
  });

  const { poolStats } = deps;
  if (poolStats) {
    new Gauge({
      name: 'keyward_db_pool_connections',
      help: "PostgreSQL connections of this instance's pool: total, idle, and requests waiting for one.",
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = poolStats();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }

  return {
    registry,
    /** The Prometheus text of this server: of every worker together under KEYWARD_WORKERS. */
    scrape: cluster.isWorker ? clusterScraper(registry) : () => registry.metrics(),
    request(surface: Surface, status: number, seconds: number): void {
      let byClass = answered.get(surface);
      // Node answers with a status of 100-999.
      if (!byClass) answered.set(surface, (byClass = new Array<number>(10).fill(0)));
      byClass[Math.floor(status / 100)]!++;
      duration.observe({ surface }, seconds);
    },
    gateway(outcome: UsageOutcome, deploymentId: string, forwarded: boolean, addedMs: number, upstreamMs: number): void {
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (!forwarded) return;
      added.observe(addedMs / 1000);
      upstream.observe({ deployment: deploymentId }, upstreamMs / 1000);
      if (outcome === 'upstream_5xx') upstreamErrors.inc({ deployment: deploymentId });
    },
    credentialCache(hit: boolean): void {
      credentials[hit ? 'hit' : 'miss']++;
    },
    flushed(): void {
      lastFlush = Date.now();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

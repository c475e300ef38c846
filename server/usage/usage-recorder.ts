import { sql } from 'drizzle-orm';
import type { UsageOutcome } from '../../contract/usage-outcomes';
import type { Database } from '../db/store';
import { keyClientAddresses, keyUsage } from '../db/schema';
import { NestedMap } from './nested-map';

export const MINUTE = 60_000;

/** One request that named a known key. */
export interface UsageEvent {
  organizationId: string;
  keyKind: 'deployment' | 'platform';
  /** App ID or Key: what the key is known by, deleted or not. */
  keyLabel: string;
  deploymentId: string;
  endpoint: string;
  method: string;
  outcome: UsageOutcome;
  /** Milliseconds Keyward added, and the upstream's (0 when not forwarded). */
  keywardMs: number;
  upstreamMs: number;
  address: string;
}

interface Counter {
  organizationId: string;
  bucket: number;
  keyKind: string;
  keyLabel: string;
  deploymentId: string;
  endpoint: string;
  method: string;
  outcome: string;
  requests: number;
  keywardMs: number;
  upstreamMs: number;
}

interface Sighting {
  organizationId: string;
  keyKind: string;
  keyLabel: string;
  address: string;
  lastSeenAt: number;
}

/** What one counter counts: its row's key in key_usage. */
type CounterKey = [bucket: number, keyKind: string, keyLabel: string, endpoint: string, method: string, outcome: string];
const counterKeyOf = (counter: Counter): CounterKey => [counter.bucket, counter.keyKind, counter.keyLabel, counter.endpoint, counter.method, counter.outcome];
const newCounters = () => new NestedMap<CounterKey, Counter>(6);

type SightingKey = [keyKind: string, keyLabel: string, address: string];
const sightingKeyOf = (sighting: Sighting): SightingKey => [sighting.keyKind, sighting.keyLabel, sighting.address];
const newSightings = () => new NestedMap<SightingKey, Sighting>(3);

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at 12 per row.
const BATCH = 2_000;

/**
 * Usage without a write per request: requests are counted in memory per (key, endpoint, method,
 * outcome, minute) and added to the database in batches, every `flushMs` and when the server
 * closes. Rows are additive upserts, so instances sharing a database add up. A crash loses at
 * most what arrived since the last flush.
 */
export function createUsageRecorder(deps: {
  db: Database;
  now: () => number;
  flushMs: number;
  onError: (error: unknown) => void;
  onFlushed?: () => void;
}) {
  let counters = newCounters();
  let sightings = newSightings();
  let flushing: Promise<void> = Promise.resolve();
  const timer = deps.flushMs > 0 ? setInterval(() => void flush().catch(deps.onError), deps.flushMs) : undefined;
  timer?.unref();

  function record(event: UsageEvent): void {
    const at = deps.now();
    const bucket = at - (at % MINUTE);
    const id: CounterKey = [bucket, event.keyKind, event.keyLabel, event.endpoint, event.method, event.outcome];
    const counter = counters.get(id);
    if (counter) {
      counter.requests++;
      counter.keywardMs += event.keywardMs;
      counter.upstreamMs += event.upstreamMs;
    } else {
      counters.set(id, {
        organizationId: event.organizationId,
        bucket,
        keyKind: event.keyKind,
        keyLabel: event.keyLabel,
        deploymentId: event.deploymentId,
        endpoint: event.endpoint,
        method: event.method,
        outcome: event.outcome,
        requests: 1,
        keywardMs: event.keywardMs,
        upstreamMs: event.upstreamMs,
      });
    }
    const seen: SightingKey = [event.keyKind, event.keyLabel, event.address];
    const sighting = sightings.get(seen);
    if (sighting) sighting.lastSeenAt = at;
    else sightings.set(seen, { organizationId: event.organizationId, keyKind: event.keyKind, keyLabel: event.keyLabel, address: event.address, lastSeenAt: at });
  }

  async function write(batch: Counter[], seen: Sighting[]): Promise<void> {
    for (let start = 0; start < batch.length; start += BATCH) {
      await deps.db
        .insert(keyUsage)
        .values(
          batch.slice(start, start + BATCH).map((counter) => ({
            ...counter,
            granularity: 'minute',
            bucket: new Date(counter.bucket),
          })),
        )
        .onConflictDoUpdate({
          target: [keyUsage.granularity, keyUsage.bucket, keyUsage.keyKind, keyUsage.keyLabel, keyUsage.endpoint, keyUsage.method, keyUsage.outcome],
          set: {
            requests: sql`${keyUsage.requests} + excluded.requests`,
            keywardMs: sql`${keyUsage.keywardMs} + excluded.keyward_ms`,
            upstreamMs: sql`${keyUsage.upstreamMs} + excluded.upstream_ms`,
          },
        });
    }
    for (let start = 0; start < seen.length; start += BATCH) {
      await deps.db
        .insert(keyClientAddresses)
        .values(seen.slice(start, start + BATCH).map((sighting) => ({ ...sighting, lastSeenAt: new Date(sighting.lastSeenAt) })))
        .onConflictDoUpdate({
          target: [keyClientAddresses.keyKind, keyClientAddresses.keyLabel, keyClientAddresses.address],
          set: { lastSeenAt: sql`greatest(${keyClientAddresses.lastSeenAt}, excluded.last_seen_at)` },
        });
    }
  }

  /** Writes what was counted so far. One flush at a time; a failed one puts its counts back. */
  function flush(): Promise<void> {
    // A failed flush has reported its error; the next one starts regardless.
    flushing = flushing.catch(() => undefined).then(async () => {
      if (counters.size === 0 && sightings.size === 0) return deps.onFlushed?.();
      const batch = counters;
      const seen = sightings;
      counters = newCounters();
      sightings = newSightings();
      try {
        await write([...batch.values()], [...seen.values()]);
        deps.onFlushed?.();
      } catch (error) {
        // Nothing was lost in memory: count it again with what came since.
        for (const counter of batch.values()) {
          const id = counterKeyOf(counter);
          const newer = counters.get(id);
          if (newer) {
            newer.requests += counter.requests;
            newer.keywardMs += counter.keywardMs;
            newer.upstreamMs += counter.upstreamMs;
          } else counters.set(id, counter);
        }
        for (const sighting of seen.values()) {
          const id = sightingKeyOf(sighting);
          if (!sightings.get(id)) sightings.set(id, sighting);
        }
        throw error;
      }
    });
    return flushing;
  }

  return {
    record,
    flush,
    /** Stops the timer and writes what is left (graceful shutdown). */
    async close(): Promise<void> {
      if (timer) clearInterval(timer);
      await flush();
    },
  };
}

export type UsageRecorder = ReturnType<typeof createUsageRecorder>;

import { and, eq, getTableName, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/store';
import { keyClientAddresses, keyUsage } from '../db/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The tables a roll-up prunes: their space is reclaimed after each one. */
export const USAGE_TABLES = [getTableName(keyUsage), getTableName(keyClientAddresses)] as const;

export interface UsageRetention {
  /** Minute buckets are kept this long, then rolled up into hours. */
  minuteHours: number;
  /** Hour buckets (and client addresses) are kept this long. */
  days: number;
}

/**
 * The server's defaults. Every usage view shows hours or days, so minutes are kept only until
 * their hour is whole and a little after: 48 hours of minutes (the earlier default) made a key's
 * 30-day chart read some 40 times more rows for nothing it shows.
 */
export const DEFAULT_USAGE_RETENTION: UsageRetention = { minuteHours: 2, days: 90 };

/**
 * Rolls minute buckets older than the minute retention up into hour buckets and deletes them, in
 * one transaction (so a minute is counted in exactly one granularity at any time), then prunes
 * hours and client addresses past the retention. Run by the server on a timer; no daemon.
 */
export async function rollUpUsage(db: Database, at: number, retention: UsageRetention): Promise<void> {
  // Whole hours only: an hour bucket is made once, from all of its minutes.
  const cutoff = new Date(Math.floor((at - retention.minuteHours * HOUR) / HOUR) * HOUR);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into ${keyUsage} (organization_id, granularity, bucket, key_kind, key_label, deployment_id, endpoint, method, outcome, requests, keyward_ms, upstream_ms)
      select organization_id, 'hour', date_trunc('hour', bucket at time zone 'UTC') at time zone 'UTC', key_kind, key_label, max(deployment_id), endpoint, method, outcome,
             sum(requests), sum(keyward_ms), sum(upstream_ms)
      from ${keyUsage}
      where granularity = 'minute' and bucket < ${cutoff.toISOString()}::timestamptz
      group by organization_id, 2, 3, key_kind, key_label, endpoint, method, outcome
      on conflict (granularity, bucket, key_kind, key_label, endpoint, method, outcome) do update
        set requests = ${keyUsage}.requests + excluded.requests,
            keyward_ms = ${keyUsage}.keyward_ms + excluded.keyward_ms,
            upstream_ms = ${keyUsage}.upstream_ms + excluded.upstream_ms`);
    await tx.delete(keyUsage).where(and(eq(keyUsage.granularity, 'minute'), lt(keyUsage.bucket, cutoff)));
  });
  const oldest = new Date(at - retention.days * DAY);
  await db.delete(keyUsage).where(and(eq(keyUsage.granularity, 'hour'), lt(keyUsage.bucket, oldest)));
  await db.delete(keyClientAddresses).where(lt(keyClientAddresses.lastSeenAt, oldest));
}

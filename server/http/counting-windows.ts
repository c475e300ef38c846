import { and, asc, desc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import { rateLimitEvents } from '../db/schema';
import type { Database } from '../db/store';
import { clientNetworkOf } from './client-network';
import { SlidingWindowLimiter, type RateWindow } from './sliding-window-limiter';

/** Counts events per key over a sliding window: failed sign-ins per address, calls per key, ... */
export interface CountingWindow {
  /**
   * Counts an event unless the key is at its limit, in one step, so that events racing each
   * other (on this instance or another) are each counted or refused, never both let through.
   */
  take(key: string): Promise<{ token: number } | { retryAfterSeconds: number }>;
  /** Counts an event whatever the count (a failure, after the fact); answers its token. */
  record(key: string): Promise<number>;
  /** Seconds until the key may have another event, or 0. */
  retryAfterSeconds(key: string): Promise<number>;
  /** Takes back one counted event (an attempt that turned out right). */
  release(key: string, token: number): Promise<void>;
  reset(key: string): Promise<void>;
  /** The times of the key's events still in the window, oldest first. */
  recent(key: string): Promise<number[]>;
}

/** One instance's own counts, in memory: the embedded store is one process. */
function memoryWindow(window: RateWindow, now: () => number): CountingWindow {
  const limiter = new SlidingWindowLimiter(window, now);
  return {
    // No await between the check and the count: racing events see each other.
    take: (key) => {
      const retryAfterSeconds = limiter.retryAfterSeconds(key);
      return Promise.resolve(retryAfterSeconds > 0 ? { retryAfterSeconds } : { token: limiter.record(key) });
    },
    record: (key) => Promise.resolve(limiter.record(key)),
    retryAfterSeconds: (key) => Promise.resolve(limiter.retryAfterSeconds(key)),
    release: (key, token) => Promise.resolve(limiter.release(key, token)),
    reset: (key) => Promise.resolve(limiter.reset(key)),
    recent: (key) => Promise.resolve(limiter.recent(key)),
  };
}

/**
 * Counts shared by every instance on one PostgreSQL, so N instances do not multiply a limit.
 * An event is a row; `take` inserts first and then looks at its own place among the key's events
 * in the window (ids are handed out in insert order), so of events racing for the last places
 * exactly the first ones get them.
 */
function databaseWindow(db: Database, name: string, window: RateWindow, now: () => number): CountingWindow {
  const inWindow = (key: string) => and(eq(rateLimitEvents.limiter, name), eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, new Date(now() - window.windowMs)));
  const secondsUntil = (at: Date) => Math.max(1, Math.ceil((at.getTime() + window.windowMs - now()) / 1000));

  /** The event whose leaving the window frees a place (the max-th newest), if the key is full. */
  async function blocking(key: string, before?: number): Promise<Date | undefined> {
    const [row] = await db
      .select({ at: rateLimitEvents.at })
      .from(rateLimitEvents)
      .where(before === undefined ? inWindow(key) : and(inWindow(key), lt(rateLimitEvents.id, before)))
      .orderBy(desc(rateLimitEvents.id))
      .offset(window.max - 1)
      .limit(1);
    return row?.at;
  }

  async function record(key: string): Promise<number> {
    const [row] = await db.insert(rateLimitEvents).values({ limiter: name, key, at: new Date(now()) }).returning({ id: rateLimitEvents.id });
    return row!.id;
  }

  return {
    async take(key) {
      const token = await record(key);
      const [place] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(rateLimitEvents)
        .where(and(inWindow(key), lte(rateLimitEvents.id, token)));
      if ((place?.count ?? 0) <= window.max) return { token };
      await db.delete(rateLimitEvents).where(eq(rateLimitEvents.id, token));
      const at = await blocking(key, token);
      return { retryAfterSeconds: at ? secondsUntil(at) : 1 };
    },
    record,
    async retryAfterSeconds(key) {
      const at = await blocking(key);
      return at ? secondsUntil(at) : 0;
    },
    async release(_key, token) {
      await db.delete(rateLimitEvents).where(eq(rateLimitEvents.id, token));
    },
    async reset(key) {
      await db.delete(rateLimitEvents).where(and(eq(rateLimitEvents.limiter, name), eq(rateLimitEvents.key, key)));
    },
    async recent(key) {
      const rows = await db.select({ at: rateLimitEvents.at }).from(rateLimitEvents).where(inWindow(key)).orderBy(asc(rateLimitEvents.id));
      return rows.map((row) => row.at.getTime());
    },
  };
}

const PRUNE_EVERY_MS = 10 * 60_000;

/** A window whose keys are client addresses, each counted under its network (client-network.ts). */
function perClientNetwork(window: CountingWindow, networkOf: (address: string) => string): CountingWindow {
  return {
    take: (address) => window.take(networkOf(address)),
    record: (address) => window.record(networkOf(address)),
    retryAfterSeconds: (address) => window.retryAfterSeconds(networkOf(address)),
    release: (address, token) => window.release(networkOf(address), token),
    reset: (address) => window.reset(networkOf(address)),
    recent: (address) => window.recent(networkOf(address)),
  };
}

/**
 * Where the server's limits count: in memory on the embedded store, in the database on
 * PostgreSQL (where several instances may share it). Old events are pruned on a timer.
 */
export function createCountingWindows(deps: {
  db: Database;
  now: () => number;
  shared: boolean;
  /** KEYWARD_IPV6_LIMIT_PREFIX: an IPv6 client is counted by this network. */
  ipv6Prefix: number;
  onError: (error: unknown) => void;
}) {
  let longestMs = 0;
  const clientNetwork = (address: string) => clientNetworkOf(address, deps.ipv6Prefix);
  const prune = () => pruneEvents(deps.db, new Date(deps.now() - longestMs));
  const timer = deps.shared ? setInterval(() => void prune().catch(deps.onError), PRUNE_EVERY_MS) : undefined;
  timer?.unref();
  return {
    /**
     * A window; `perClientNetwork`: its keys are client addresses, counted by network; `local`:
     * this instance's own counts, in memory even on PostgreSQL (for load that must not reach it).
     */
    create(name: string, window: RateWindow, options: { perClientNetwork?: boolean; local?: boolean } = {}): CountingWindow {
      longestMs = Math.max(longestMs, window.windowMs);
      const counted = deps.shared && !options.local ? databaseWindow(deps.db, name, window, deps.now) : memoryWindow(window, deps.now);
      return options.perClientNetwork ? perClientNetwork(counted, clientNetwork) : counted;
    },
    /** The network a client address is counted under, for keys that combine it with more. */
    clientNetwork,
    prune,
    close: () => clearInterval(timer),
  };
}

async function pruneEvents(db: Database, before: Date): Promise<void> {
  await db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, before));
}

export type CountingWindows = ReturnType<typeof createCountingWindows>;

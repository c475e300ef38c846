import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

const CHANNEL = 'keyward_changes';

/**
 * What a change notice names: a Deployment API Key that changed (by App ID), a new one (nothing
 * cached can be stale: only the known-App-ID filter learns it), a deployment (by id), or a
 * console account (by id) whose sessions, role or standing changed.
 */
export type ChangeNotice = { kind: 'key' | 'new_key' | 'deployment' | 'user'; id: string };

const NOTICE_KINDS: readonly string[] = ['key', 'new_key', 'deployment', 'user'] satisfies ChangeNotice['kind'][];

/**
 * Tells every Keyward instance on the same database that a key, deployment or account changed,
 * through PostgreSQL's own LISTEN/NOTIFY. The instance that made the change applies it locally first,
 * before the call that made it returns; the others hear it within milliseconds.
 */
export interface ChangeBus {
  publish(notice: ChangeNotice): Promise<void>;
  /**
   * `onReset` runs when notices may have been missed (a lost connection, and the first connect):
   * drop every cache. Resolves once the first attempt to listen has finished, either way.
   */
  subscribe(onNotice: (notice: ChangeNotice) => void, onReset: () => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * A notice as it travels: with the bus that sent it. An instance has applied its own changes
 * before publishing them, so it skips its own notices when they come back: an echo arriving a
 * moment later would only drop what was cached since (a key verified meanwhile, say).
 */
const encode = (notice: ChangeNotice, origin: string) => JSON.stringify({ kind: notice.kind, id: notice.id, origin });

/** The notice in a payload, unless this bus sent it (or it is not one). */
function parse(payload: string | undefined, ownOrigin: string): ChangeNotice | undefined {
  try {
    const notice = JSON.parse(payload ?? '') as ChangeNotice & { origin?: unknown };
    if (notice.origin === ownOrigin) return undefined;
    return NOTICE_KINDS.includes(notice.kind) && typeof notice.id === 'string' ? { kind: notice.kind, id: notice.id } : undefined;
  } catch {
    return undefined;
  }
}

export function createPostgresChangeBus(databaseUrl: string, pool: pg.Pool, onError: (error: unknown) => void): ChangeBus {
  const listeners: { onNotice: (notice: ChangeNotice) => void; onReset: () => void }[] = [];
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let first = Promise.resolve();
  const origin = randomUUID();

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      const notice = parse(message.payload, origin);
      if (notice) for (const listener of listeners) listener.onNotice(notice);
    });
    next.on('error', (error) => {
      onError(error);
      reconnect();
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANNEL}`);
      client = next;
      // Whatever happened while we were not listening is unknown: start from empty caches.
      for (const listener of listeners) listener.onReset();
    } catch (error) {
      onError(error);
      await next.end().catch(() => undefined);
      reconnect();
    }
  };
  const reconnect = () => {
    for (const listener of listeners) listener.onReset();
    client?.end().catch(() => undefined);
    client = undefined;
    if (!closed && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), 1000);
  };

  return {
    async publish(notice) {
      await pool.query('select pg_notify($1, $2)', [CHANNEL, encode(notice, origin)]);
    },
    subscribe(onNotice, onReset) {
      listeners.push({ onNotice, onReset });
      if (listeners.length === 1) first = connect();
      return first;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/** PGlite runs in this process only: its own LISTEN/NOTIFY carries notices between the app's parts. */
export function createPgliteChangeBus(client: PGlite): ChangeBus {
  const unsubscribes: (() => Promise<void>)[] = [];
  const origin = randomUUID();
  return {
    async publish(notice) {
      await client.query('select pg_notify($1, $2)', [CHANNEL, encode(notice, origin)]);
    },
    async subscribe(onNotice) {
      const unsubscribe = await client.listen(CHANNEL, (payload) => {
        const notice = parse(payload, origin);
        if (notice) onNotice(notice);
      });
      unsubscribes.push(unsubscribe);
    },
    async close() {
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
    },
  };
}

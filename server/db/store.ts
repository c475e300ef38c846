import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { createPgliteChangeBus, createPostgresChangeBus, type ChangeBus } from './change-bus';

export type Schema = typeof schema;
/** The drizzle database every data layer takes: the same code runs on PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A database or an open transaction on it. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Database;
  /** Change notices between instances sharing this database. */
  readonly changes: ChangeBus;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Makes the space of rows deleted in bulk reusable, so tables that are pruned stay bounded on
   * disk: VACUUM (and fresh statistics) on the embedded store, which runs no autovacuum; nothing
   * on PostgreSQL, whose autovacuum does it.
   */
  reclaim(tables: readonly string[]): Promise<void>;
  /** PostgreSQL's connection pool now (the embedded store has none). */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

export type StoreOptions =
  | { kind: 'postgres'; databaseUrl: string }
  /**
   * `dataDir` is a directory, or `memory://` for a throwaway in-memory database; `template`, a
   * dump of an already migrated database to start from (the tests' shared template).
   */
  | { kind: 'pglite'; dataDir: string; template?: Blob };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens the store and applies every pending migration before anyone can use it. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema });
    try {
      await migratePg(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    const changes = createPostgresChangeBus(options.databaseUrl, pool, () => undefined);
    return {
      kind: 'postgres',
      db: db as unknown as Database,
      changes,
      ping: async () => void (await db.execute(sql`select 1`)),
      close: async () => {
        await changes.close();
        await pool.end();
      },
      reclaim: async () => undefined,
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }

  if (!options.dataDir.startsWith('memory://')) {
    // PGlite does not create a missing parent directory itself.
    mkdirSync(options.dataDir, { recursive: true });
  }
  // pg_trgm: the key inventory's "anywhere in it" search uses trigram indexes (migration 0014).
  const client = await PGlite.create(options.dataDir, { extensions: { pg_trgm }, ...(options.template ? { loadDataDir: options.template } : {}) });
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  // PGlite runs no autovacuum, so planner statistics would stay as they were at creation and
  // plans would go bad as tables grow: refresh them on every start.
  await client.exec('analyze');
  const changes = createPgliteChangeBus(client);
  return {
    kind: 'pglite',
    db: db as unknown as Database,
    changes,
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      await changes.close();
      await client.close();
    },
    reclaim: async (tables) => void (await client.exec(`vacuum (analyze) ${tables.map((table) => `"${table}"`).join(', ')}`)),
  };
}

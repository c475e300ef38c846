import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openStore, type Store } from '../../server/db/store';

/**
 * The storage the API tests run on: PGlite by default; PostgreSQL when the run was started with
 * KEYWARD_TEST_STORE=postgres and TEST_DATABASE_URL (a server where databases can be created).
 * Each test file gets its own database, dropped afterwards.
 */
export interface TestStore {
  store: Store;
  /** Empties every table, so that each test starts from a clean database. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

/** What the run's global setup prepared, if it ran (child-process tests start stores of their own). */
export function providedTemplate(name: 'pgliteTemplate' | 'pgliteDataDirTemplate' | 'postgresTemplate'): string | undefined {
  try {
    return inject(name);
  } catch {
    return undefined;
  }
}

export const testStoreKind = process.env.KEYWARD_TEST_STORE === 'postgres' ? 'postgres' : 'pglite';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('KEYWARD_TEST_STORE=postgres needs TEST_DATABASE_URL');
  return url;
}

/**
 * Creates a PostgreSQL database on the test server and returns its URL: a copy of the run's
 * migrated template when there is one (test/support/global-setup.ts), else empty.
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = testDatabaseUrl();
  const name = `keyward_test_${randomBytes(6).toString('hex')}`;
  const template = providedTemplate('postgresTemplate');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * The API projects run without isolation, so one worker runs many files: they share one PGlite,
 * emptied before each test like any file's database. Starting a PGlite costs about a second of
 * CPU (WebAssembly compile, the template's files unpacked), which every file used to pay.
 */
let workerPglite: Promise<Store> | undefined;

function openPglite(): Promise<Store> {
  const template = providedTemplate('pgliteTemplate');
  return openStore({ kind: 'pglite', dataDir: 'memory://', ...(template ? { template: new Blob([readFileSync(template)]) } : {}) });
}

export async function createTestStore(): Promise<TestStore> {
  let dropDatabase = async () => undefined as void;
  let store: Store;
  let closeStore = () => store.close();
  if (testStoreKind === 'postgres') {
    const database = await createPostgresDatabase();
    dropDatabase = database.drop;
    store = await openStore({ kind: 'postgres', databaseUrl: database.url });
  } else {
    store = await (workerPglite ??= openPglite());
    closeStore = async () => undefined; // the worker's next file uses it; the process's exit ends it
  }
  // The migrated tables, read once: they do not change while the tests run.
  let tables: Promise<string[]> | undefined;
  const readTables = async () => {
    const result = (await store.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as {
      rows: { tablename: string }[];
    };
    return result.rows.map((row) => row.tablename);
  };
  return {
    store,
    // DELETE rather than TRUNCATE: on tables this small it is 3-6 times cheaper (TRUNCATE makes
    // every table's files anew), and with foreign keys unchecked the order does not matter.
    async reset() {
      const names = await (tables ??= readTables());
      await store.db.transaction(async (tx) => {
        await tx.execute(sql.raw('set local session_replication_role = replica'));
        for (const name of names) await tx.execute(sql.raw(`delete from "${name}"`));
      });
    },
    async dispose() {
      await closeStore();
      await dropDatabase();
    },
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../server/db/store';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite database, that every API test file starts from. */
    pgliteTemplate?: string;
    /** A migrated PGlite data directory, that every server process of the tests starts from a copy of. */
    pgliteDataDirTemplate?: string;
    /** A migrated PostgreSQL database, that every API test file's database is copied from. */
    postgresTemplate?: string;
  }
}

const MIGRATIONS = path.resolve('server/db/migrations');

/** Changes whenever a migration does, so a stale template is never used. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).filter((name) => name.endsWith('.sql')).sort()) hash.update(file).update(readFileSync(path.join(MIGRATIONS, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Migrates once per run instead of once per test file: PGlite's start and migrations take
 * seconds, loading a dump of the result a fraction of that; PostgreSQL copies a template
 * database in one statement. What each file gets is the same migrated, empty database.
 */
export default async function setup(project: TestProject) {
  const store = project.config.env?.KEYWARD_TEST_STORE;
  if (store === 'pglite') {
    const file = path.join(tmpdir(), `keyward-test-template-${migrationsHash()}.tar`);
    const opened = await openStore({ kind: 'pglite', dataDir: 'memory://' });
    const client = (opened.db as unknown as { $client: PGlite }).$client;
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await opened.close();
    project.provide('pgliteTemplate', file);
    // A server process opens a directory: a fresh one costs it PostgreSQL's initdb and every
    // migration (2-3 s of CPU), a copy of this one neither.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-test-data-template-'));
    await (await openStore({ kind: 'pglite', dataDir })).close();
    project.provide('pgliteDataDirTemplate', dataDir);
    return () => {
      rmSync(file, { force: true });
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  if (store === 'postgres' && process.env.TEST_DATABASE_URL) {
    const name = `keyward_template_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const opened = await openStore({ kind: 'postgres', databaseUrl: url.toString() });
    await opened.close();
    project.provide('postgresTemplate', name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  return undefined;
}

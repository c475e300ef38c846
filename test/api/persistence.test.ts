import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openStore } from '../../server/db/store';
import { ConsoleClient } from '../support/console-client';
import { buildTestApp, PASSWORD } from '../support/test-app';
import { testAppConfig, testServerKeys } from '../support/test-config';

const config = { ...testAppConfig(), logLevel: 'silent' };
const keys = testServerKeys();

describe('the embedded store', () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'keyward-')), 'nested', 'data');
  afterAll(() => rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true }));

  // Built as main.ts builds it (no test password cost): passwords are stored at the real scrypt cost.
  it('keeps accounts, projects and sessions across a restart, with passwords at the real scrypt cost', async () => {
    const firstStore = await openStore({ kind: 'pglite', dataDir });
    const first = await buildTestApp({ config, store: firstStore, keys });
    const root = new ConsoleClient(first);
    await root.post('/api/console/setup', { organizationName: 'Acme', email: 'root@example.com', password: PASSWORD });
    await root.post('/api/console/projects', { name: 'Survives' });
    await root.post('/api/console/users', { email: 'kept@example.com', role: 'auditor', password: PASSWORD });
    const stored = (await firstStore.db.execute(sql`select password_hash from users order by email`)) as unknown as { rows: { password_hash: string }[] };
    expect(stored.rows.map((row) => row.password_hash.split('$').slice(0, 4).join('$'))).toEqual(['scrypt$32768$8$1', 'scrypt$32768$8$1']);
    await first.close();
    await firstStore.close();

    const secondStore = await openStore({ kind: 'pglite', dataDir });
    const second = await buildTestApp({ config, store: secondStore, keys });
    try {
      const again = new ConsoleClient(second);
      again.cookie = root.cookie;
      expect((await again.get('/api/console/session')).status).toBe(200);
      const projects = (await again.get('/api/console/projects')).body.projects.map((p: { name: string }) => p.name);
      expect(projects).toEqual(['default', 'Survives']);
      expect((await new ConsoleClient(second).signIn('kept@example.com', PASSWORD)).status).toBe(200);
      expect((await again.get('/api/console/setup')).body.setupRequired).toBe(false);
    } finally {
      await second.close();
      await secondStore.close();
    }
  }, 60_000);
});

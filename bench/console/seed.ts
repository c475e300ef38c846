import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createPasswordHasher } from '../../server/kernel/password';
import { openStore, type StoreOptions } from '../../server/db/store';
import { organizations, projects, users } from '../../server/db/schema';

/** An organisation with `deploymentCount` deployments of `keysPerDeployment` keys each, and a Root. */
export async function seedConsoleStore(target: StoreOptions, deploymentCount: number, keysPerDeployment: number, root: { email: string; password: string }) {
  const store = await openStore(target);
  const organizationId = randomUUID();
  const projectId = randomUUID();
  await store.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
  await store.db.insert(projects).values({ id: projectId, organizationId, name: 'default' });
  await store.db.insert(users).values({ id: randomUUID(), organizationId, email: root.email, role: 'root', passwordHash: await createPasswordHasher().hash(root.password) });
  await store.db.execute(sql`
    insert into deployments (id, organization_id, project_id, name, type, emqx_version, region, status, created_at)
    select 'd' || lpad(to_hex(n), 7, '0'), ${organizationId}, ${projectId}, 'fleet-' || n, 'dedicated_v5', '5.8.9', 'us-east-1', 'running',
           now() - (n || ' seconds')::interval
    from generate_series(1, ${deploymentCount}) as n`);
  await store.db.execute(sql`
    insert into deployment_api_keys (id, organization_id, deployment_id, app_id, secret_hash, note, full_access, created_at)
    select gen_random_uuid(), ${organizationId}, 'd' || lpad(to_hex(d), 7, '0'), 
           -- Shaped like a real App ID (kwa_ and 20 letters and digits), so the search indexes see
           -- what they would in use rather than a million App IDs sharing long runs of zeros.
           'kwa_' || substr(translate(encode(sha256((d * 10000 + k)::text::bytea), 'base64'), '+/', 'xy'), 1, 20),
           encode(sha256((d * 100 + k)::text::bytea), 'base64'), 'key ' || k, false, now()
    from generate_series(1, ${deploymentCount}) as d, generate_series(1, ${keysPerDeployment}) as k`);
  await store.db.execute(sql`
    insert into deployment_key_permissions (key_id, method, path)
    select id, 'GET', '/clients' from deployment_api_keys`);
  // As a database in use would be: vacuumed and analysed, so that autovacuum does not start on a
  // million new rows (and their trigram indexes) while the bench measures.
  await store.db.execute(sql`vacuum analyze`);
  await store.close();
  return { sampleDeploymentId: `d${(1).toString(16).padStart(7, '0')}` };
}

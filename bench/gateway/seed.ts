import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openStore, type StoreOptions } from '../../server/db/store';
import { deploymentApiKeys, deploymentKeyPermissions, deployments, organizations, projects } from '../../server/db/schema';
import { createSecretHasher } from '../../server/keys/secret-hasher';
import { generateSecret } from '../../server/keys/key-format';
import { CATALOGS } from '../../server/permissions/catalogs';
import type { ServerKeys } from '../../server/secrets/master-key';
import { createSecretBox } from '../../server/secrets/secret-box';

/**
 * A store (the embedded one, or a PostgreSQL database) holding one deployment, `keyCount` Deployment API Keys, and the key the
 * benchmark uses, which holds 50 permissions including GET /clients.
 */
export async function seedGatewayStore(target: StoreOptions, keys: ServerKeys, upstreamUrl: string, keyCount: number) {
  const store = await openStore(target);
  const hasher = createSecretHasher(keys.pepper);
  const organizationId = randomUUID();
  const projectId = randomUUID();
  const deploymentId = 'b0e0c4a1';
  await store.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
  await store.db.insert(projects).values({ id: projectId, organizationId, name: 'default' });
  await store.db.insert(deployments).values({
    id: deploymentId,
    organizationId,
    projectId,
    name: 'bench',
    type: 'dedicated_v5',
    emqxVersion: '5.8.9',
    region: 'us-east-1',
    status: 'running',
    upstreamUrl,
    upstreamApiKey: 'upstream',
    upstreamSecretSealed: createSecretBox(keys.encryptionKey).seal('secret'),
  });
  // The crowd: real rows with real-looking hashes, inserted by the database in bulk.
  await store.db.execute(sql`
    insert into deployment_api_keys (id, organization_id, deployment_id, app_id, secret_hash, full_access, created_at)
    select gen_random_uuid(), ${organizationId}, ${deploymentId}, 'kwa_bench' || lpad(n::text, 16, '0'),
           encode(sha256(n::text::bytea), 'base64'), false, now()
    from generate_series(1, ${keyCount - 1}) as n`);
  const appSecret = generateSecret('deployment');
  const keyId = randomUUID();
  const appId = 'kwa_benchmarkkey000000';
  await store.db.insert(deploymentApiKeys).values({ id: keyId, organizationId, deploymentId, appId, secretHash: hasher.hash(appSecret), fullAccess: false, createdAt: new Date() });
  const pairs = CATALOGS['emqx-v5'].categories.flatMap((category) => category.endpoints.flatMap((endpoint) => endpoint.methods.map((method) => ({ method, path: endpoint.path }))));
  const granted = [{ method: 'GET' as const, path: '/clients' }, ...pairs.filter((pair) => !(pair.method === 'GET' && pair.path === '/clients')).slice(0, 49)];
  await store.db.insert(deploymentKeyPermissions).values(granted.map((grant) => ({ keyId, ...grant })));
  await store.close();
  return { deploymentId, appId, appSecret, permissions: granted.map((grant) => `${grant.method} ${grant.path}`) };
}

import { and, asc, eq, gt, inArray, lte, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { KeyUse } from '../platform-keys/last-used-tracker';
import type { HttpMethod, Permission } from '../../contract/endpoint-catalog';
import { preparedOncePerDatabase } from '../db/prepared-queries';
import { jsonRecord } from '../db/sql-helpers';
import type { Executor } from '../db/store';
import { deploymentApiKeys, deploymentKeyPermissions, deployments, keyAttributeFieldsOf } from '../db/schema';
import type { KeyAttributes, KeyAttributesInput } from '../../contract/key-attributes';

export type DeploymentKeyRow = typeof deploymentApiKeys.$inferSelect;

/** A key as its deployment's key list shows it, with its permissions, never its secret's hash. */
export interface DeploymentKeyRecord extends KeyAttributes {
  id: string;
  appId: string;
  note: string;
  fullAccess: boolean;
  legacy: boolean;
  createdByLabel: string | null;
  /** ISO 8601 text, or null for a legacy key. */
  createdAt: string | null;
  lastUsedAt: string | null;
  version: number;
  permissions: Permission[];
  expiresAt: string | null;
  disabled: boolean;
  allowedAddresses: string[];
  previousSecretExpiresAt: string | null;
  lastUsedAddress: string | null;
  lastUsedSecret: string | null;
}

/** A key's list fields and its grants (as one JSON array), for every list of keys. */
export const keyRecordFields = {
  id: deploymentApiKeys.id,
  appId: deploymentApiKeys.appId,
  note: deploymentApiKeys.note,
  ...keyAttributeFieldsOf(deploymentApiKeys),
  fullAccess: deploymentApiKeys.fullAccess,
  legacy: deploymentApiKeys.legacy,
  createdByLabel: deploymentApiKeys.createdByLabel,
  createdAt: deploymentApiKeys.createdAt,
  lastUsedAt: deploymentApiKeys.lastUsedAt,
  version: deploymentApiKeys.version,
  permissions: sql`coalesce((
    select json_agg(json_build_object('method', ${deploymentKeyPermissions.method}, 'path', ${deploymentKeyPermissions.path})
                    order by ${deploymentKeyPermissions.path}, ${deploymentKeyPermissions.method})
    from ${deploymentKeyPermissions} where ${deploymentKeyPermissions.keyId} = ${deploymentApiKeys.id}), '[]'::json)`,
  expiresAt: deploymentApiKeys.expiresAt,
  disabled: deploymentApiKeys.disabled,
  allowedAddresses: deploymentApiKeys.allowedAddresses,
  previousSecretExpiresAt: deploymentApiKeys.previousSecretExpiresAt,
  lastUsedAddress: deploymentApiKeys.lastUsedAddress,
  lastUsedSecret: deploymentApiKeys.lastUsedSecret,
} satisfies Record<keyof DeploymentKeyRecord, SQLWrapper>;

/** Where a page of a deployment's keys starts: after the key created at `createdAt` (null: a legacy key) with `appId`. */
export interface DeploymentKeyCursor {
  createdAt: string | null;
  appId: string;
}

// Oldest first; legacy keys (no creation time) first of all.
const listTime = sql`coalesce(${deploymentApiKeys.createdAt}, '-infinity'::timestamptz)`;

const keysOfDeployment = preparedOncePerDatabase((db) =>
  db
    .select({ record: jsonRecord<DeploymentKeyRecord>(keyRecordFields) })
    .from(deploymentApiKeys)
    .where(
      and(
        eq(deploymentApiKeys.deploymentId, sql.placeholder('deploymentId')),
        sql`(${listTime}, ${deploymentApiKeys.appId}) > (coalesce(${sql.placeholder('afterCreatedAt')}::timestamptz, '-infinity'::timestamptz), ${sql.placeholder('afterAppId')}::text)`,
      ),
    )
    .orderBy(listTime, asc(deploymentApiKeys.appId))
    .limit(sql.placeholder('limit'))
    .prepare('keys_of_deployment'),
);

/** One page of a deployment's keys with their permissions, in one query; the first page without `after`. */
export async function listKeysOfDeployment(db: Executor, deploymentId: string, page: { after?: DeploymentKeyCursor | undefined; limit: number }): Promise<DeploymentKeyRecord[]> {
  const rows = await keysOfDeployment(db).execute({
    deploymentId,
    afterCreatedAt: page.after?.createdAt ?? null,
    // Every App ID sorts after '': the first page starts before the first key.
    afterAppId: page.after?.appId ?? '',
    limit: page.limit,
  });
  return rows.map((row) => row.record);
}

/** A deployment's App IDs, and nothing else of its keys. */
export async function appIdsOfDeployment(db: Executor, deploymentId: string): Promise<string[]> {
  const rows = await db.select({ appId: deploymentApiKeys.appId }).from(deploymentApiKeys).where(eq(deploymentApiKeys.deploymentId, deploymentId));
  return rows.map((row) => row.appId);
}

/** One key of the organisation with its permissions and its deployment's id, or none. */
export async function findKeyRecord(db: Executor, organizationId: string, id: string): Promise<(DeploymentKeyRecord & { deploymentId: string }) | undefined> {
  const [row] = await db
    .select({ record: jsonRecord<DeploymentKeyRecord & { deploymentId: string }>({ ...keyRecordFields, deploymentId: deploymentApiKeys.deploymentId }) })
    .from(deploymentApiKeys)
    .where(and(eq(deploymentApiKeys.organizationId, organizationId), eq(deploymentApiKeys.id, id)))
    .limit(1);
  return row?.record;
}

export async function findKeyOfDeployment(db: Executor, deploymentId: string, id: string): Promise<DeploymentKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(deploymentApiKeys)
    .where(and(eq(deploymentApiKeys.deploymentId, deploymentId), eq(deploymentApiKeys.id, id)))
    .limit(1);
  return row;
}

// The gateway's read for every credential it has not verified yet, made-up ones within the
// known-App-ID filter's budget included.
const keyByAppId = preparedOncePerDatabase((db) =>
  db.select().from(deploymentApiKeys).where(eq(deploymentApiKeys.appId, sql.placeholder('appId'))).limit(1).prepare('key_by_app_id'),
);

export async function findKeyByAppId(db: Executor, appId: string): Promise<DeploymentKeyRow | undefined> {
  const [row] = await keyByAppId(db).execute({ appId });
  return row;
}

/** How many Deployment API Keys there are, in every organisation. */
export async function countKeys(db: Executor): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(deploymentApiKeys);
  return row?.count ?? 0;
}

/**
 * Every App ID, a page at a time in App ID order (the unique index), for the gateway's
 * known-App-ID filter: a million keys never sit in memory as one result.
 */
export async function forEachAppId(db: Executor, each: (appId: string) => void, pageSize = 20_000): Promise<number> {
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await db
      .select({ appId: deploymentApiKeys.appId })
      .from(deploymentApiKeys)
      .where(gt(deploymentApiKeys.appId, after))
      .orderBy(asc(deploymentApiKeys.appId))
      .limit(pageSize);
    for (const row of rows) each(row.appId);
    count += rows.length;
    if (rows.length < pageSize) return count;
    after = rows[rows.length - 1]!.appId;
  }
}

export async function permissionsOf(db: Executor, keyIds: string[]): Promise<Map<string, Permission[]>> {
  const byKey = new Map<string, Permission[]>();
  if (keyIds.length === 0) return byKey;
  const rows = await db
    .select()
    .from(deploymentKeyPermissions)
    .where(inArray(deploymentKeyPermissions.keyId, keyIds))
    .orderBy(asc(deploymentKeyPermissions.path), asc(deploymentKeyPermissions.method));
  for (const row of rows) {
    const list = byKey.get(row.keyId) ?? [];
    list.push({ method: row.method as HttpMethod, path: row.path });
    byKey.set(row.keyId, list);
  }
  return byKey;
}

export async function insertKey(db: Executor, values: typeof deploymentApiKeys.$inferInsert): Promise<void> {
  await db.insert(deploymentApiKeys).values(values);
}

export async function replacePermissions(db: Executor, keyId: string, permissions: Permission[]): Promise<void> {
  await db.delete(deploymentKeyPermissions).where(eq(deploymentKeyPermissions.keyId, keyId));
  if (permissions.length > 0) {
    await db.insert(deploymentKeyPermissions).values(permissions.map((permission) => ({ keyId, ...permission })));
  }
}

/** Compare-and-set: changes the key only if it is still at `version`. Returns whether it did. */
export async function updateKeyAtVersion(
  db: Executor,
  id: string,
  version: number,
  changes: { note: string } & KeyAttributesInput,
): Promise<boolean> {
  const updated = await db
    .update(deploymentApiKeys)
    .set({ ...changes, version: sql`${deploymentApiKeys.version} + 1` })
    .where(and(eq(deploymentApiKeys.id, id), eq(deploymentApiKeys.version, version)))
    .returning({ id: deploymentApiKeys.id });
  return updated.length === 1;
}

export async function deleteKey(db: Executor, id: string): Promise<void> {
  await db.delete(deploymentApiKeys).where(eq(deploymentApiKeys.id, id));
}

export async function setKeyLastUsed(db: Executor, id: string, at: Date, use: KeyUse): Promise<void> {
  await db.update(deploymentApiKeys).set({ lastUsedAt: at, lastUsedAddress: use.address, lastUsedSecret: use.secret }).where(eq(deploymentApiKeys.id, id));
}

/** Writes lifecycle columns (expiry, disabled, addresses, a roll's secrets); bumps the version. */
export async function updateKeyLifecycle(db: Executor, id: string, columns: Partial<DeploymentKeyRow>): Promise<void> {
  await db
    .update(deploymentApiKeys)
    .set({ ...columns, version: sql`${deploymentApiKeys.version} + 1` })
    .where(eq(deploymentApiKeys.id, id));
}

/** The key whose current or (rolled) previous secret has this keyed hash. */
export async function findKeyBySecretHash(db: Executor, hash: string): Promise<DeploymentKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(deploymentApiKeys)
    .where(or(eq(deploymentApiKeys.secretHash, hash), eq(deploymentApiKeys.previousSecretHash, hash)))
    .limit(1);
  return row;
}

/** Keys expiring in (from, to], in deployments of these projects (null: every project). */
export async function keysExpiringBetween(db: Executor, organizationId: string, projectIds: string[] | null, from: Date, to: Date) {
  return db
    .select({ id: deploymentApiKeys.id, appId: deploymentApiKeys.appId, note: deploymentApiKeys.note, expiresAt: deploymentApiKeys.expiresAt, deploymentId: deployments.id, deploymentName: deployments.name })
    .from(deploymentApiKeys)
    .innerJoin(deployments, eq(deployments.id, deploymentApiKeys.deploymentId))
    .where(
      and(
        eq(deploymentApiKeys.organizationId, organizationId),
        gt(deploymentApiKeys.expiresAt, from),
        lte(deploymentApiKeys.expiresAt, to),
        projectIds === null ? undefined : projectIds.length === 0 ? sql`false` : inArray(deployments.projectId, projectIds),
      ),
    )
    .orderBy(asc(deploymentApiKeys.expiresAt));
}

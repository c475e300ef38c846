import { and, asc, eq, gt, lte, or } from 'drizzle-orm';
import type { KeyUse } from './last-used-tracker';
import type { Executor } from '../db/store';
import { platformApiKeys, projects } from '../db/schema';

export type PlatformKeyRow = typeof platformApiKeys.$inferSelect;

export function listPlatformKeys(db: Executor, organizationId: string): Promise<PlatformKeyRow[]> {
  return db
    .select()
    .from(platformApiKeys)
    .where(eq(platformApiKeys.organizationId, organizationId))
    .orderBy(asc(platformApiKeys.createdAt), asc(platformApiKeys.keyId));
}

export async function findPlatformKey(db: Executor, organizationId: string, id: string): Promise<PlatformKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(platformApiKeys)
    .where(and(eq(platformApiKeys.organizationId, organizationId), eq(platformApiKeys.id, id)))
    .limit(1);
  return row;
}

/** By the public Key, across organisations: the Key alone decides which organisation a call is for. */
export async function findPlatformKeyByKeyId(db: Executor, keyId: string): Promise<PlatformKeyRow | undefined> {
  const [row] = await db.select().from(platformApiKeys).where(eq(platformApiKeys.keyId, keyId)).limit(1);
  return row;
}

export async function insertPlatformKey(db: Executor, values: typeof platformApiKeys.$inferInsert): Promise<void> {
  await db.insert(platformApiKeys).values(values);
}

export async function updatePlatformKey(
  db: Executor,
  id: string,
  patch: Partial<Omit<PlatformKeyRow, 'id' | 'organizationId' | 'keyId' | 'createdAt'>>,
): Promise<void> {
  await db.update(platformApiKeys).set(patch).where(eq(platformApiKeys.id, id));
}

export async function deletePlatformKey(db: Executor, id: string): Promise<void> {
  await db.delete(platformApiKeys).where(eq(platformApiKeys.id, id));
}

export async function setPlatformKeyLastUsed(db: Executor, id: string, at: Date, use: KeyUse): Promise<void> {
  await db.update(platformApiKeys).set({ lastUsedAt: at, lastUsedAddress: use.address, lastUsedSecret: use.secret }).where(eq(platformApiKeys.id, id));
}

/** The key whose current or (rolled) previous secret has this keyed hash. */
export async function findPlatformKeyBySecretHash(db: Executor, organizationId: string, hash: string): Promise<PlatformKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(platformApiKeys)
    .where(and(eq(platformApiKeys.organizationId, organizationId), or(eq(platformApiKeys.secretHash, hash), eq(platformApiKeys.previousSecretHash, hash))))
    .limit(1);
  return row;
}

export async function projectNamesOf(db: Executor, organizationId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.organizationId, organizationId));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function platformKeysExpiringBetween(db: Executor, organizationId: string, from: Date, to: Date) {
  return db
    .select({ id: platformApiKeys.id, keyId: platformApiKeys.keyId, note: platformApiKeys.note, expiresAt: platformApiKeys.expiresAt })
    .from(platformApiKeys)
    .where(and(eq(platformApiKeys.organizationId, organizationId), gt(platformApiKeys.expiresAt, from), lte(platformApiKeys.expiresAt, to)))
    .orderBy(asc(platformApiKeys.expiresAt));
}

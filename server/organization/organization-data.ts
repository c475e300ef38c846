import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/store';
import { organizations } from '../db/schema';
import type { TwoFactorPolicy } from '../../contract/security';
import { NEW_ORGANIZATION_KEY_POLICY } from '../../contract/key-lifecycle';

export async function insertOrganization(db: Executor, name: string): Promise<string> {
  const id = randomUUID();
  const policy = NEW_ORGANIZATION_KEY_POLICY;
  await db.insert(organizations).values({ id, name, maxKeyLifetimeDays: policy.maxKeyLifetimeDays, allowNeverExpiringKeys: policy.allowNeverExpiring });
  return id;
}

export async function findKeyPolicy(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ maxKeyLifetimeDays: organizations.maxKeyLifetimeDays, allowNeverExpiring: organizations.allowNeverExpiringKeys })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row;
}

export async function updateKeyPolicy(db: Executor, organizationId: string, policy: { maxKeyLifetimeDays: number | null; allowNeverExpiring: boolean }) {
  await db
    .update(organizations)
    .set({ maxKeyLifetimeDays: policy.maxKeyLifetimeDays, allowNeverExpiringKeys: policy.allowNeverExpiring })
    .where(eq(organizations.id, organizationId));
}

export async function findTwoFactorPolicy(db: Executor, organizationId: string): Promise<TwoFactorPolicy> {
  const [row] = await db.select({ policy: organizations.twoFactorPolicy }).from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  return (row?.policy ?? 'off') as TwoFactorPolicy;
}

export async function updateTwoFactorPolicy(db: Executor, organizationId: string, policy: TwoFactorPolicy): Promise<void> {
  await db.update(organizations).set({ twoFactorPolicy: policy }).where(eq(organizations.id, organizationId));
}

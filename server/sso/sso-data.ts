import { eq, lt } from 'drizzle-orm';
import type { Executor } from '../db/store';
import { organizations, ssoAttempts, ssoSettings } from '../db/schema';

export type SsoSettingsRow = typeof ssoSettings.$inferSelect;

export async function findSsoSettings(db: Executor, organizationId: string): Promise<SsoSettingsRow | undefined> {
  const [row] = await db.select().from(ssoSettings).where(eq(ssoSettings.organizationId, organizationId)).limit(1);
  return row;
}

/** The installation's one organisation's settings, for the signed-out sign-in page. */
export async function findAnySsoSettings(db: Executor): Promise<SsoSettingsRow | undefined> {
  const [row] = await db.select({ settings: ssoSettings }).from(ssoSettings).innerJoin(organizations, eq(organizations.id, ssoSettings.organizationId)).limit(1);
  return row?.settings;
}

export async function saveSsoSettings(db: Executor, row: SsoSettingsRow): Promise<void> {
  await db.insert(ssoSettings).values(row).onConflictDoUpdate({ target: ssoSettings.organizationId, set: row });
}

export async function deleteSsoSettings(db: Executor, organizationId: string): Promise<boolean> {
  const rows = await db.delete(ssoSettings).where(eq(ssoSettings.organizationId, organizationId)).returning({ id: ssoSettings.organizationId });
  return rows.length === 1;
}

export async function saveSsoAttempt(db: Executor, attempt: typeof ssoAttempts.$inferInsert, at: Date): Promise<void> {
  // Abandoned attempts go as new ones come.
  await db.delete(ssoAttempts).where(lt(ssoAttempts.expiresAt, at));
  await db.insert(ssoAttempts).values(attempt);
}

/** Takes an attempt for good (deleted), if it exists and has not expired. */
export async function takeSsoAttempt(db: Executor, state: string, at: Date) {
  const [row] = await db.delete(ssoAttempts).where(eq(ssoAttempts.state, state)).returning();
  return row && row.expiresAt.getTime() > at.getTime() ? row : undefined;
}

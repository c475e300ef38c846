import { and, asc, count, eq, lt } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/store';
import { passkeys, webauthnChallenges } from '../../db/schema';

export type PasskeyRow = typeof passkeys.$inferSelect;

export async function findPasskeysOfUser(db: Executor, userId: string): Promise<PasskeyRow[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

export async function findPasskeyByCredential(db: Executor, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId)).limit(1);
  return row;
}

export async function countPasskeys(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.total ?? 0;
}

export async function insertPasskey(db: Executor, row: Omit<PasskeyRow, 'id' | 'lastUsedAt'>): Promise<string> {
  const id = randomUUID();
  await db.insert(passkeys).values({ ...row, id });
  return id;
}

export async function recordPasskeyUse(db: Executor, id: string, counter: number, at: Date): Promise<void> {
  await db.update(passkeys).set({ counter, lastUsedAt: at }).where(eq(passkeys.id, id));
}

export async function deletePasskey(db: Executor, userId: string, id: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.delete(passkeys).where(and(eq(passkeys.userId, userId), eq(passkeys.id, id))).returning();
  return row;
}

export async function deletePasskeysOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(passkeys).where(eq(passkeys.userId, userId));
}

export async function saveChallenge(db: Executor, challenge: { challenge: string; userId: string | null; purpose: string; expiresAt: Date }, at: Date): Promise<string> {
  // Expired ones go as new ones come: the table holds only challenges still being answered.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, at));
  const id = randomUUID();
  await db.insert(webauthnChallenges).values({ id, ...challenge });
  return id;
}

/** Takes a challenge for good (it is deleted), if it exists, is for this purpose and has not expired. */
export async function takeChallenge(db: Executor, id: string, purpose: string, at: Date) {
  const [row] = await db.delete(webauthnChallenges).where(and(eq(webauthnChallenges.id, id), eq(webauthnChallenges.purpose, purpose))).returning();
  return row && row.expiresAt.getTime() > at.getTime() ? row : undefined;
}

import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/store';
import { recoveryCodes, totpAuthenticators } from '../../db/schema';

export async function findTotp(db: Executor, userId: string) {
  const [row] = await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.userId, userId)).limit(1);
  return row;
}

/** A new seed awaiting its first code; replaces an unconfirmed one, never a confirmed one. */
export async function savePendingTotp(db: Executor, userId: string, secretSealed: string, at: Date): Promise<boolean> {
  const [row] = await db
    .insert(totpAuthenticators)
    .values({ userId, secretSealed, createdAt: at })
    .onConflictDoUpdate({ target: totpAuthenticators.userId, set: { secretSealed, createdAt: at }, where: isNull(totpAuthenticators.confirmedAt) })
    .returning({ userId: totpAuthenticators.userId });
  return row !== undefined;
}

/**
 * Takes a code's step if it is later than every step taken before: one statement, so two
 * instances (or two tabs) racing with the same code cannot both succeed. With `confirmAt`, the
 * app is turned on, from `confirmedFrom`.
 */
export async function takeTotpStep(db: Executor, userId: string, step: number, confirmAt?: Date, confirmedFrom?: string | null): Promise<boolean> {
  const rows = await db
    .update(totpAuthenticators)
    .set({ lastStep: step, ...(confirmAt ? { confirmedAt: confirmAt, confirmedAddress: confirmedFrom ?? null } : {}) })
    .where(and(eq(totpAuthenticators.userId, userId), or(isNull(totpAuthenticators.lastStep), lt(totpAuthenticators.lastStep, step))))
    .returning({ userId: totpAuthenticators.userId });
  return rows.length === 1;
}

export async function deleteTotp(db: Executor, userId: string): Promise<void> {
  await db.delete(totpAuthenticators).where(eq(totpAuthenticators.userId, userId));
}

export async function replaceRecoveryCodes(db: Executor, userId: string, codeHashes: string[], at: Date): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0) await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ id: randomUUID(), userId, codeHash, createdAt: at })));
}

/** Marks an unused code used; false when there is none (wrong, or used before). */
export async function useRecoveryCode(db: Executor, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ left: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.left ?? 0;
}

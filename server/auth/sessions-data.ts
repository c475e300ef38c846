import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/store';
import { organizations, sessions, users } from '../db/schema';

export type SessionStage = 'active' | 'second_factor' | 'factor_setup';

export async function insertSession(
  db: Executor,
  idHash: string,
  userId: string,
  at: Date,
  details: { stage: SessionStage; address: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values({ idHash, userId, createdAt: at, lastSeenAt: at, ...details });
}

/** An account's sessions that are signed in (not halfway through a second step), oldest first. */
export async function findSessionsOfUser(db: Executor, userId: string) {
  return db
    .select({ id: sessions.id, userAgent: sessions.userAgent, address: sessions.address, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.stage, 'second_factor')))
    .orderBy(asc(sessions.createdAt));
}

export async function setSessionStage(db: Executor, id: string, stage: SessionStage): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.id, id));
}

/** The person at this session proved it was them again, now. */
export async function setSessionReauthenticated(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ reauthenticatedAt: at }).where(eq(sessions.id, id));
}

/** Ends one of an account's sessions by its public id; false when it has none by that id. */
export async function deleteSessionOfUser(db: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.id, id))).returning({ id: sessions.id });
  return rows.length === 1;
}

/** Ends every session of an account but one (or all of them). */
export async function deleteSessionsOfUserExcept(db: Executor, userId: string, keepId: string | undefined): Promise<void> {
  await db.delete(sessions).where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId));
}

export async function findSessionWithUser(db: Executor, idHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users, organization: organizations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  return row;
}

export async function touchSession(db: Executor, idHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

/** Ends one session; answers whose it was, if it existed. */
export async function deleteSession(db: Executor, idHash: string): Promise<string | undefined> {
  const [row] = await db.delete(sessions).where(eq(sessions.idHash, idHash)).returning({ userId: sessions.userId });
  return row?.userId;
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

import { eq } from 'drizzle-orm';
import type { Executor } from '../db/store';
import { organizations, sessions, users } from '../db/schema';

export async function insertSession(db: Executor, idHash: string, userId: string, at: Date): Promise<void> {
  await db.insert(sessions).values({ idHash, userId, createdAt: at, lastSeenAt: at });
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

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

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

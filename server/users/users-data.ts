import { and, asc, eq, ne } from 'drizzle-orm';
import type { User } from '../../contract/users';
import type { Role } from '../../contract/roles';
import type { Executor } from '../db/store';
import { users } from '../db/schema';

export type UserRow = typeof users.$inferSelect;

export function toUserDto(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserInOrganization(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, organizationId)))
    .limit(1);
  return row;
}

export function listUsersOfOrganization(db: Executor, organizationId: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(eq(users.organizationId, organizationId))
    .orderBy(asc(users.createdAt), asc(users.email));
}

export async function rootAccountExists(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, 'root')).limit(1);
  return rows.length > 0;
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await db.insert(users).values(row).returning();
  return inserted!;
}

export async function updateUser(
  db: Executor,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'role' | 'disabled' | 'passwordHash'>>,
): Promise<UserRow> {
  const [updated] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return updated!;
}

/** Never removes the Root account, whatever the caller checked. */
export async function deleteNonRootUser(db: Executor, id: string): Promise<void> {
  await db.delete(users).where(and(eq(users.id, id), ne(users.role, 'root')));
}

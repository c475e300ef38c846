import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Project, ProjectMember } from '../../contract/projects';
import type { Role } from '../../contract/roles';
import type { Executor } from '../db/store';
import { projectMembers, projects, users } from '../db/schema';

export type ProjectRow = typeof projects.$inferSelect;

export async function insertProject(
  db: Executor,
  values: { organizationId: string; name: string; description: string },
): Promise<ProjectRow> {
  const [row] = await db.insert(projects).values({ id: randomUUID(), ...values }).returning();
  return row!;
}

export async function updateProject(
  db: Executor,
  id: string,
  patch: Partial<Pick<ProjectRow, 'name' | 'description'>>,
): Promise<void> {
  await db.update(projects).set(patch).where(eq(projects.id, id));
}

export async function findProjectInOrganization(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.organizationId, organizationId)))
    .limit(1);
  return row;
}

/** Projects of the organisation; with `memberId`, only those that account is assigned to. */
export async function listProjects(
  db: Executor,
  organizationId: string,
  memberId?: string,
): Promise<Project[]> {
  const rows = memberId
    ? await db
        .select({ project: projects })
        .from(projects)
        .innerJoin(projectMembers, eq(projectMembers.projectId, projects.id))
        .where(and(eq(projects.organizationId, organizationId), eq(projectMembers.userId, memberId)))
        .orderBy(asc(projects.createdAt), asc(projects.name))
        .then((joined) => joined.map((row) => row.project))
    : await db
        .select()
        .from(projects)
        .where(eq(projects.organizationId, organizationId))
        .orderBy(asc(projects.createdAt), asc(projects.name));
  const members = await membersOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    members: members.get(row.id) ?? [],
  }));
}

async function membersOf(db: Executor, projectIds: string[]): Promise<Map<string, ProjectMember[]>> {
  const byProject = new Map<string, ProjectMember[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .select({
      projectId: projectMembers.projectId,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(inArray(projectMembers.projectId, projectIds))
    .orderBy(asc(users.email));
  for (const { projectId, ...member } of rows) {
    const list = byProject.get(projectId) ?? [];
    list.push({ ...member, role: member.role as Role });
    byProject.set(projectId, list);
  }
  return byProject;
}

export async function addProjectMember(db: Executor, projectId: string, userId: string): Promise<void> {
  await db.insert(projectMembers).values({ projectId, userId }).onConflictDoNothing();
}

export async function removeProjectMember(db: Executor, projectId: string, userId: string): Promise<void> {
  await db
    .delete(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
}

export async function removeAllMembershipsOf(db: Executor, userId: string): Promise<void> {
  await db.delete(projectMembers).where(eq(projectMembers.userId, userId));
}

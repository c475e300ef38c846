import type { z } from 'zod';
import type { Project } from '../../contract/projects';
import type { createProjectRequestSchema, updateProjectRequestSchema } from '../../contract/projects';
import { can, PROJECT_SCOPED_ROLES } from '../../contract/roles';
import type { Actor } from '../kernel/actor';
import type { Database } from '../db/store';
import { isUniqueViolation } from '../db/postgres-errors';
import { ConflictError, InvalidError, NotFoundError } from '../http/domain-errors';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import {
  addProjectMember,
  findProjectInOrganization,
  insertProject,
  listProjects,
  removeProjectMember,
  updateProject,
} from './projects-data';
import { ERROR_CODES } from '../../contract/errors';

const NAME_TAKEN = () => new ConflictError('A project with this name already exists.', ERROR_CODES.projectNameTaken);

export function createProjectsService(deps: {
  db: Database;
  /** An account of the organisation by id (users/ owns accounts; passed in, so neither folder needs the other). */
  findAccount: (db: Database, organizationId: string, userId: string) => Promise<{ role: string; email: string } | undefined>;
}) {
  const { db } = deps;

  async function requireProject(actor: Actor, id: string) {
    const project = await findProjectInOrganization(db, actor.organizationId, id);
    if (!project) throw new NotFoundError('No such project.');
    return project;
  }

  async function findProject(actor: Actor, id: string): Promise<Project> {
    const all = await listProjects(db, actor.organizationId);
    const project = all.find((candidate) => candidate.id === id);
    if (!project) throw new NotFoundError('No such project.');
    return project;
  }

  return {
    /** Every project of an organisation, for callers that scope it themselves (Platform API Keys). */
    listInOrganization: (organizationId: string) => listProjects(db, organizationId),

    /** Roles that see every project get all of them; project-scoped roles only their own. */
    list(actor: Actor): Promise<Project[]> {
      const memberId = can(actor.role, 'seesEveryProject') ? undefined : actor.userId;
      return listProjects(db, actor.organizationId, memberId);
    },

    async create(actor: Actor, input: z.output<typeof createProjectRequestSchema>): Promise<Project> {
      try {
        const row = await db.transaction(async (tx) => {
          const inserted = await insertProject(tx, { organizationId: actor.organizationId, ...input });
          await recordAudit(tx, auditActorOfUser(actor), {
            action: 'project.create',
            targetType: 'project',
            targetId: inserted.id,
            targetLabel: inserted.name,
          });
          return inserted;
        });
        return { id: row.id, name: row.name, description: row.description, createdAt: row.createdAt.toISOString(), members: [] };
      } catch (error) {
        if (isUniqueViolation(error)) throw NAME_TAKEN();
        throw error;
      }
    },

    async update(actor: Actor, id: string, input: z.output<typeof updateProjectRequestSchema>): Promise<Project> {
      const before = await requireProject(actor, id);
      try {
        await db.transaction(async (tx) => {
          await updateProject(tx, id, input);
          await recordAudit(tx, auditActorOfUser(actor), {
            action: 'project.update',
            targetType: 'project',
            targetId: id,
            targetLabel: input.name ?? before.name,
            details: { ...input },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw NAME_TAKEN();
        throw error;
      }
      return findProject(actor, id);
    },

    async addMember(actor: Actor, projectId: string, userId: string): Promise<Project> {
      const project = await requireProject(actor, projectId);
      const user = await deps.findAccount(db, actor.organizationId, userId);
      if (!user) throw new NotFoundError('No such user.');
      if (!PROJECT_SCOPED_ROLES.includes(user.role as never)) {
        throw new InvalidError(
          'Only Project Administrators and Project Users are assigned to projects; other roles see every project.',
        );
      }
      await db.transaction(async (tx) => {
        await addProjectMember(tx, projectId, userId);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'project.member_add',
          targetType: 'project',
          targetId: projectId,
          targetLabel: project.name,
          details: { member: user.email },
        });
      });
      return findProject(actor, projectId);
    },

    async removeMember(actor: Actor, projectId: string, userId: string): Promise<Project> {
      const project = await requireProject(actor, projectId);
      await db.transaction(async (tx) => {
        await removeProjectMember(tx, projectId, userId);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'project.member_remove',
          targetType: 'project',
          targetId: projectId,
          targetLabel: project.name,
          details: { memberId: userId },
        });
      });
      return findProject(actor, projectId);
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;

import { randomUUID } from 'node:crypto';
import { PROJECT_SCOPED_ROLES, rolesGrantableBy } from '../../contract/roles';
import type { User } from '../../contract/users';
import type { createUserRequestSchema, updateUserRequestSchema } from '../../contract/users';
import type { z } from 'zod';
import type { Actor } from '../kernel/actor';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { PasswordHasher } from '../kernel/password';
import type { ChangeNotice } from '../db/change-bus';
import type { Database, Executor } from '../db/store';
import { isUniqueViolation } from '../db/postgres-errors';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../http/domain-errors';
import {
  deleteNonRootUser,
  findUserInOrganization,
  insertUser,
  listUsersOfOrganization,
  toUserDto,
  updateUser,
  type UserRow,
} from './users-data';
import { ERROR_CODES } from '../../contract/errors';

/** Who may create, change and remove accounts: the rules live here, once. */
export function createUsersService(deps: {
  db: Database;
  /** Open sessions carry the account's role and standing: they must hear of every change. */
  announce: (notice: ChangeNotice) => Promise<void>;
  /**
   * What an account change must undo elsewhere, in its own transaction: the sessions of a
   * disabled account (auth/) and the project memberships of a role outside projects (projects/).
   * Passed in, so users/ needs neither folder and neither needs it back.
   */
  endSessionsOf: (tx: Executor, userId: string) => Promise<void>;
  dropMembershipsOf: (tx: Executor, userId: string) => Promise<void>;
  passwords: PasswordHasher;
}) {
  const { db, announce } = deps;

  async function findManageableTarget(actor: Actor, id: string): Promise<UserRow> {
    const target = await findUserInOrganization(db, actor.organizationId, id);
    if (!target) throw new NotFoundError('No such user.');
    if (target.role === 'root' && actor.role !== 'root') {
      throw new ForbiddenError('Only the Root account can change itself.');
    }
    return target;
  }

  function requireGrantable(actor: Actor, role: User['role']): void {
    if (!rolesGrantableBy(actor.role).includes(role as never)) {
      throw new ForbiddenError('You cannot grant a role above your own.');
    }
  }

  return {
    async list(actor: Actor): Promise<User[]> {
      return (await listUsersOfOrganization(db, actor.organizationId)).map(toUserDto);
    },

    async create(actor: Actor, input: z.output<typeof createUserRequestSchema>): Promise<User> {
      requireGrantable(actor, input.role);
      const passwordHash = await deps.passwords.hash(input.password);
      try {
        return await db.transaction(async (tx) => {
          const row = await insertUser(tx, {
            id: randomUUID(),
            organizationId: actor.organizationId,
            email: input.email,
            name: input.name ?? null,
            role: input.role,
            passwordHash,
          });
          await recordAudit(tx, auditActorOfUser(actor), {
            action: 'user.create',
            targetType: 'user',
            targetId: row.id,
            targetLabel: row.email,
            details: { role: row.role },
          });
          return toUserDto(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('An account with this email already exists.', ERROR_CODES.emailTaken);
        throw error;
      }
    },

    async update(actor: Actor, id: string, input: z.output<typeof updateUserRequestSchema>): Promise<User> {
      const target = await findManageableTarget(actor, id);
      const changesAccess = input.role !== undefined || input.disabled !== undefined;
      if (changesAccess && target.role === 'root') {
        throw new ForbiddenError('The Root account cannot be demoted or disabled.');
      }
      if (changesAccess && target.id === actor.userId) {
        throw new InvalidError('You cannot change your own role or disable your own account.');
      }
      if (input.role !== undefined) requireGrantable(actor, input.role);

      const updated = await db.transaction(async (tx) => {
        const row = await updateUser(tx, id, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.role !== undefined && { role: input.role }),
          ...(input.disabled !== undefined && { disabled: input.disabled }),
        });
        // Roles outside projects see every project: a stale assignment would come back to life
        // if the account were later made project-scoped again.
        if (input.role !== undefined && !PROJECT_SCOPED_ROLES.includes(input.role)) {
          await deps.dropMembershipsOf(tx, id);
        }
        // A disabled account is signed out everywhere at once.
        if (input.disabled === true) await deps.endSessionsOf(tx, id);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'user.update',
          targetType: 'user',
          targetId: id,
          targetLabel: row.email,
          details: { ...input },
        });
        return toUserDto(row);
      });
      await announce({ kind: 'user', id });
      return updated;
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const target = await findManageableTarget(actor, id);
      if (target.role === 'root') throw new ForbiddenError('The Root account cannot be removed.');
      if (target.id === actor.userId) throw new InvalidError('You cannot remove your own account.');
      await db.transaction(async (tx) => {
        await deleteNonRootUser(tx, id);
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'user.delete',
          targetType: 'user',
          targetId: id,
          targetLabel: target.email,
        });
      });
      await announce({ kind: 'user', id });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;

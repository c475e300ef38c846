import { randomUUID } from 'node:crypto';
import type { SetupRequest } from '../../contract/auth';
import type { Database } from '../db/store';
import { isUniqueViolation } from '../db/postgres-errors';
import { ConflictError } from '../http/domain-errors';
import type { PasswordHasher } from '../kernel/password';
import { insertProject } from '../projects/projects-data';
import { insertUser, rootAccountExists } from '../users/users-data';
import { insertOrganization } from './organization-data';
import { recordAudit } from '../audit/audit-log';
import { ERROR_CODES } from '../../contract/errors';

/** EMQX Platform gives every organisation a project named "default"; so do we. */
export const DEFAULT_PROJECT_NAME = 'default';

export function createSetupService(deps: { db: Database; passwords: PasswordHasher }) {
  const { db } = deps;

  return {
    async isSetupRequired(): Promise<boolean> {
      return !(await rootAccountExists(db));
    },

    /**
     * Creates the organisation, its default project and the Root account in one transaction.
     * The database's single-Root index decides a race between two setups: the loser gets 409.
     */
    async createOrganization(
      request: SetupRequest,
      address: string | null,
    ): Promise<{ rootUserId: string }> {
      const passwordHash = await deps.passwords.hash(request.password);
      try {
        return await db.transaction(async (tx) => {
          if (await rootAccountExists(tx))
            throw new ConflictError('Keyward is already set up.', ERROR_CODES.setupComplete);
          const organizationId = await insertOrganization(tx, request.organizationName);
          await insertProject(tx, { organizationId, name: DEFAULT_PROJECT_NAME, description: '' });
          const root = await insertUser(tx, {
            id: randomUUID(),
            organizationId,
            email: request.email,
            name: null,
            role: 'root',
            passwordHash,
          });
          await recordAudit(
            tx,
            { organizationId, type: 'user', id: root.id, label: root.email, address },
            {
              action: 'organization.setup',
              targetType: 'organization',
              targetId: organizationId,
              targetLabel: request.organizationName,
            },
          );
          return { rootUserId: root.id };
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictError('Keyward is already set up.', ERROR_CODES.setupComplete);
        throw error;
      }
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;

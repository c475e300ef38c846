import type { z } from 'zod';
import type { KeyInventoryPage, keyInventoryQuerySchema } from '../../contract/deployment-keys';
import { ERROR_CODES } from '../../contract/errors';
import type { DeploymentAccess } from '../deployments/deployment-access';
import type { Database } from '../db/store';
import { DomainError } from '../http/domain-errors';
import { recordToDto } from './deployment-keys-service';
import { listInventory, type InventoryCursor } from './key-inventory-data';

const encodeCursor = (cursor: InventoryCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

// Exactly what encodeCursor writes: PostgreSQL's timestamp text (or null for a legacy key) and a uuid.
const CURSOR_CREATED_AT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(text: string | undefined): InventoryCursor | undefined {
  if (!text) return undefined;
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<InventoryCursor> | null;
    const { id, createdAt } = cursor ?? {};
    const timeOk = createdAt === null || (typeof createdAt === 'string' && CURSOR_CREATED_AT.test(createdAt) && !Number.isNaN(Date.parse(createdAt)));
    if (typeof id === 'string' && UUID.test(id) && timeOk) return { id, createdAt: createdAt ?? null };
  } catch {
    // fall through
  }
  throw new DomainError(400, ERROR_CODES.badRequest, 'The query string has invalid fields.', [{ path: 'after', message: 'Not a cursor this list gave out' }]);
}

/** The API Keys page's Deployment API Keys: every key of every deployment the account may see. */
export function createKeyInventoryService(deps: { db: Database; now: () => number }) {
  return {
    async page(access: DeploymentAccess, query: z.output<typeof keyInventoryQuerySchema>): Promise<KeyInventoryPage> {
      const rows = await listInventory(deps.db, access.organizationId, {
        projectIds: access.visibleProjectIds,
        search: query.search,
        deploymentId: query.deploymentId,
        projectId: query.projectId,
        createdBy: query.createdBy,
        after: decodeCursor(query.after),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const at = deps.now();
      return {
        keys: page.map((record) => ({
          ...recordToDto(record, at),
          deployment: { id: record.deploymentId, name: record.deploymentName, type: record.deploymentType, projectId: record.projectId, projectName: record.projectName },
        })),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    },
  };
}

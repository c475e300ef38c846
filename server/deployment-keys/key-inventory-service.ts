import type { z } from 'zod';
import { parseLabelFilter } from '../../contract/key-label-reading';
import type { KeyInventoryPage, keyInventoryQuerySchema } from '../../contract/deployment-keys';
import type { KeyDayActivity } from '../../contract/usage';
import type { DeploymentAccess } from '../deployments/deployment-access';
import type { Database } from '../db/store';
import { decodeCursor, encodeCursor, isTimestampText } from '../http/list-cursor';
import { recordToDto } from './deployment-keys-service';
import { listInventory, type InventoryCursor } from './key-inventory-data';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A legacy key has no creation time: its cursor carries null.
const readCursor = (text: string | undefined): InventoryCursor | undefined =>
  decodeCursor(text, ({ id, createdAt }) =>
    typeof id === 'string' && UUID.test(id) && (createdAt === null || isTimestampText(createdAt)) ? { id, createdAt } : undefined,
  );

/** The API Keys page's Deployment API Keys: every key of every deployment the account may see. */
export function createKeyInventoryService(deps: {
  db: Database;
  now: () => number;
  /** Each key's last 24 hours (usage/ counts them; passed in, as usage/ reads keys here). */
  sparklines: (db: Database, kind: 'deployment', labels: string[], at: number) => Promise<Record<string, KeyDayActivity>>;
}) {
  return {
    async page(access: DeploymentAccess, query: z.output<typeof keyInventoryQuerySchema>): Promise<KeyInventoryPage> {
      const rows = await listInventory(deps.db, access.organizationId, {
        projectIds: access.visibleProjectIds,
        search: query.search,
        deploymentId: query.deploymentId,
        projectId: query.projectId,
        createdBy: query.createdBy,
        labels: query.label ? parseLabelFilter(query.label) : undefined,
        after: readCursor(query.after),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const at = deps.now();
      const activity = await deps.sparklines(deps.db, 'deployment', page.map((record) => record.appId), at);
      return {
        keys: page.map((record) => ({
          ...recordToDto(record, at),
          deployment: { id: record.deploymentId, name: record.deploymentName, type: record.deploymentType, projectId: record.projectId, projectName: record.projectName },
          activity: activity[record.appId]!,
        })),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    },
  };
}

import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { LabelTerm } from '../../contract/key-label-reading';
import { containsPattern, jsonRecord, likeIgnoringCase } from '../db/sql-helpers';
import type { Executor } from '../db/store';
import { KEY_ID_PREFIXES } from '../keys/key-format';
import { deploymentApiKeys, deployments, projects } from '../db/schema';
import { keyRecordFields, type DeploymentKeyRecord } from './deployment-keys-data';

export interface InventoryRecord extends DeploymentKeyRecord {
  deploymentId: string;
  deploymentName: string;
  deploymentType: string;
  projectId: string;
  projectName: string;
}

/** Where a page starts: after the key created at `createdAt` (null: a legacy key) with `id`. */
export interface InventoryCursor {
  createdAt: string | null;
  id: string;
}

const APP_ID_PREFIX = `${KEY_ID_PREFIXES.deployment}_`;

/**
 * "App ID or note, anywhere in it, any case". Every App ID begins `kwa_`, so that prefix's
 * trigrams are in every row of the App ID index, and a pasted App ID read the whole index (90 ms
 * at a million keys). The index is asked for what follows the prefix; the whole text is then
 * checked on the rows it finds. Only printable ASCII takes that way, where JavaScript's case
 * rules and the database's agree.
 */
function searchCondition(search: string): SQL | undefined {
  const at = /^[\x20-\x7e]+$/.test(search) ? search.toLowerCase().indexOf(APP_ID_PREFIX) : -1;
  const afterPrefix = at === -1 ? '' : search.slice(at + APP_ID_PREFIX.length);
  const inAppId =
    afterPrefix.length >= 3
      ? and(likeIgnoringCase(deploymentApiKeys.appId, containsPattern(afterPrefix)), sql`strpos(lower(${deploymentApiKeys.appId}), lower(${search})) > 0`)
      : likeIgnoringCase(deploymentApiKeys.appId, containsPattern(search));
  return or(inAppId, likeIgnoringCase(deploymentApiKeys.note, containsPattern(search)));
}

// Newest first; legacy keys (no creation time) last.
const sortTime = sql`coalesce(${deploymentApiKeys.createdAt}, '-infinity'::timestamptz)`;
/**
 * The same order, hidden from the order index. With search text of three or more characters the
 * trigram indexes find the matches, which are then sorted. Otherwise the planner, which cannot
 * tell how many keys match, walks the order index past every key that does not (500 ms for a
 * note that 1,000 of a million keys have, against 15 ms this way). Shorter text has no trigram to
 * look up, and usually matches many keys: walking the order is the better way for it.
 */
const sortTimeForSearch = sql`(${sortTime} + interval '0 seconds')`;
const TRIGRAM = 3;

/** One page of the keys of the deployments an account may see, newest first, with their deployment. */
export async function listInventory(
  db: Executor,
  organizationId: string,
  filter: {
    projectIds: string[] | null;
    search?: string | undefined;
    deploymentId?: string | undefined;
    projectId?: string | undefined;
    createdBy?: string | undefined;
    labels?: LabelTerm[] | undefined;
    after?: InventoryCursor | undefined;
    limit: number;
  },
): Promise<InventoryRecord[]> {
  if (filter.projectIds?.length === 0) return [];
  const order = filter.search && filter.search.length >= TRIGRAM ? sortTimeForSearch : sortTime;
  const conditions: (SQL | undefined)[] = [
    // The key's own organisation column: what the inventory's order index starts with.
    eq(deploymentApiKeys.organizationId, organizationId),
    filter.projectIds ? inArray(deployments.projectId, filter.projectIds) : undefined,
    filter.deploymentId ? eq(deploymentApiKeys.deploymentId, filter.deploymentId) : undefined,
    filter.projectId ? eq(deployments.projectId, filter.projectId) : undefined,
    filter.search ? searchCondition(filter.search) : undefined,
    filter.createdBy ? likeIgnoringCase(deploymentApiKeys.createdByLabel, containsPattern(filter.createdBy)) : undefined,
    // Containment (`@>`) and key existence (`?`) are what the labels' GIN index answers.
    ...(filter.labels ?? []).map((term) =>
      term.value === undefined
        ? sql`${deploymentApiKeys.labels} ? ${term.key}`
        : sql`${deploymentApiKeys.labels} @> jsonb_build_object(${term.key}::text, ${term.value}::text)`,
    ),
    filter.after
      ? sql`(${order}, ${deploymentApiKeys.id}) < (coalesce(${filter.after.createdAt}::timestamptz, '-infinity'::timestamptz), ${filter.after.id}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select({
      record: jsonRecord<InventoryRecord>({
        ...keyRecordFields,
        deploymentId: deployments.id,
        deploymentName: deployments.name,
        deploymentType: deployments.type,
        projectId: projects.id,
        projectName: projects.name,
      }),
    })
    .from(deploymentApiKeys)
    .innerJoin(deployments, eq(deployments.id, deploymentApiKeys.deploymentId))
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .where(and(...conditions))
    .orderBy(desc(order), desc(deploymentApiKeys.id))
    .limit(filter.limit);
  return rows.map((row) => row.record);
}

import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { LabelTerm } from '../../contract/key-label-reading';
import { containsPattern, jsonRecord, likeIgnoringCase } from '../db/sql-helpers';
import type { Executor } from '../db/store';
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

// Newest first; legacy keys (no creation time) last.
const sortTime = sql`coalesce(${deploymentApiKeys.createdAt}, '-infinity'::timestamptz)`;

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
  const conditions: (SQL | undefined)[] = [
    eq(deployments.organizationId, organizationId),
    filter.projectIds ? inArray(deployments.projectId, filter.projectIds) : undefined,
    filter.deploymentId ? eq(deployments.id, filter.deploymentId) : undefined,
    filter.projectId ? eq(deployments.projectId, filter.projectId) : undefined,
    filter.search
      ? or(likeIgnoringCase(deploymentApiKeys.appId, containsPattern(filter.search)), likeIgnoringCase(deploymentApiKeys.note, containsPattern(filter.search)))
      : undefined,
    filter.createdBy ? likeIgnoringCase(deploymentApiKeys.createdByLabel, containsPattern(filter.createdBy)) : undefined,
    // Containment (`@>`) and key existence (`?`) are what the labels' GIN index answers.
    ...(filter.labels ?? []).map((term) =>
      term.value === undefined
        ? sql`${deploymentApiKeys.labels} ? ${term.key}`
        : sql`${deploymentApiKeys.labels} @> jsonb_build_object(${term.key}::text, ${term.value}::text)`,
    ),
    filter.after
      ? sql`(${sortTime}, ${deploymentApiKeys.id}) < (coalesce(${filter.after.createdAt}::timestamptz, '-infinity'::timestamptz), ${filter.after.id}::uuid)`
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
    .orderBy(desc(sortTime), desc(deploymentApiKeys.id))
    .limit(filter.limit);
  return rows.map((row) => row.record);
}

import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { containsIgnoringCase, jsonRecord } from '../db/sql-helpers';
import type { Executor } from '../db/store';
import { deployments, projects, tlsCertificates } from '../db/schema';

export type DeploymentRow = typeof deployments.$inferSelect;

/** A deployment as the console and the Platform API read it: never its sealed upstream secret. */
export interface DeploymentRecord {
  id: string;
  projectId: string;
  projectName: string;
  name: string;
  type: string;
  emqxVersion: string;
  region: string;
  maxConnections: number;
  maxTps: number;
  status: string;
  /** ISO 8601 text, or null when no start or stop is settling. */
  statusSettlesAt: string | null;
  upstreamUrl: string | null;
  upstreamApiKey: string | null;
  hasUpstreamSecret: boolean;
  /** ISO 8601 to the microsecond: a JS Date would round it, and paging needs it exact. */
  createdAt: string;
}

/** EMQX Platform's shape of id: a letter and seven hex digits ("mdfba81f"). */
export function newDeploymentId(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return letters[randomBytes(1)[0]! % 26] + randomBytes(4).toString('hex').slice(0, 7);
}

const deploymentRecord = {
  record: jsonRecord<DeploymentRecord>({
    id: deployments.id,
    projectId: deployments.projectId,
    projectName: projects.name,
    name: deployments.name,
    type: deployments.type,
    emqxVersion: deployments.emqxVersion,
    region: deployments.region,
    maxConnections: deployments.maxConnections,
    maxTps: deployments.maxTps,
    status: deployments.status,
    statusSettlesAt: deployments.statusSettlesAt,
    upstreamUrl: deployments.upstreamUrl,
    upstreamApiKey: deployments.upstreamApiKey,
    hasUpstreamSecret: isNotNull(deployments.upstreamSecretSealed),
    createdAt: deployments.createdAt,
  }),
};

/** Where a page starts: after the deployment created at `createdAt` with `id` (keyset paging). */
export interface DeploymentCursor {
  createdAt: string;
  id: string;
}

export async function listDeployments(
  db: Executor,
  organizationId: string,
  filter: { projectIds: string[] | null; search?: string | undefined; after?: DeploymentCursor; limit?: number },
): Promise<DeploymentRecord[]> {
  if (filter.projectIds?.length === 0) return [];
  const conditions: (SQL | undefined)[] = [eq(deployments.organizationId, organizationId)];
  if (filter.after) {
    conditions.push(sql`(${deployments.createdAt}, ${deployments.id}) > (${filter.after.createdAt}::timestamptz, ${filter.after.id})`);
  }
  if (filter.projectIds) conditions.push(inArray(deployments.projectId, filter.projectIds));
  if (filter.search) {
    const projectsNamed = db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.organizationId, organizationId), containsIgnoringCase(projects.name, filter.search)));
    conditions.push(
      or(
        containsIgnoringCase(deployments.name, filter.search),
        containsIgnoringCase(deployments.id, filter.search),
        inArray(deployments.projectId, projectsNamed),
      ),
    );
  }
  const rows = await db
    .select(deploymentRecord)
    .from(deployments)
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .where(and(...conditions))
    .orderBy(asc(deployments.createdAt), asc(deployments.id))
    .limit(filter.limit ?? 1_000_000);
  return rows.map((row) => row.record);
}

export async function findDeployment(db: Executor, organizationId: string, id: string): Promise<DeploymentRecord | undefined> {
  const [row] = await db
    .select(deploymentRecord)
    .from(deployments)
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .where(and(eq(deployments.organizationId, organizationId), eq(deployments.id, id)))
    .limit(1);
  return row?.record;
}

export async function insertDeployment(db: Executor, values: typeof deployments.$inferInsert): Promise<void> {
  await db.insert(deployments).values(values);
}

export async function updateDeployment(
  db: Executor,
  id: string,
  patch: Partial<Pick<DeploymentRow, 'name' | 'status' | 'statusSettlesAt'>>,
): Promise<void> {
  await db.update(deployments).set(patch).where(eq(deployments.id, id));
}

export async function deleteDeployment(db: Executor, id: string): Promise<void> {
  await db.delete(deployments).where(eq(deployments.id, id));
}

export type TlsRow = typeof tlsCertificates.$inferSelect;

export async function findTls(db: Executor, deploymentId: string): Promise<TlsRow | undefined> {
  const [row] = await db.select().from(tlsCertificates).where(eq(tlsCertificates.deploymentId, deploymentId)).limit(1);
  return row;
}

export async function upsertTls(db: Executor, values: typeof tlsCertificates.$inferInsert): Promise<void> {
  const { deploymentId: _id, createdAt: _created, ...changes } = values;
  await db.insert(tlsCertificates).values(values).onConflictDoUpdate({ target: tlsCertificates.deploymentId, set: changes });
}

export async function deleteTls(db: Executor, deploymentId: string): Promise<void> {
  await db.delete(tlsCertificates).where(eq(tlsCertificates.deploymentId, deploymentId));
}

/** By id alone: the gateway's URL names the deployment, and the key must belong to it. */
export async function findDeploymentById(db: Executor, id: string): Promise<DeploymentRow | undefined> {
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id)).limit(1);
  return row;
}

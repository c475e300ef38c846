import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { preparedOncePerDatabase, preparedPerDatabase } from '../db/prepared-queries';
import { containsPattern, jsonRecord, likeIgnoringCase } from '../db/sql-helpers';
import type { Executor } from '../db/store';
import { deploymentApiKeys, deployments, projects, tlsCertificates } from '../db/schema';

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
  /** How many Deployment API Keys it has. */
  keyCount: number;
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
    keyCount: sql`(select count(*)::int from ${deploymentApiKeys} where ${deploymentApiKeys.deploymentId} = ${deployments.id})`,
  }),
};

/** Where a page starts: after the deployment created at `createdAt` with `id` (keyset paging). */
export interface DeploymentCursor {
  createdAt: string;
  id: string;
}

const placeholder = sql.placeholder;

/** The list's shape: which of cursor, project scope and search it has ("acs", "-c-", ...). */
type ListShape = `${'a' | '-'}${'p' | '-'}${'s' | '-'}`;

const deploymentList = preparedPerDatabase((db, shape: ListShape) => {
  const [after, scoped, search] = [shape[0] === 'a', shape[1] === 'p', shape[2] === 's'];
  const pattern = placeholder('pattern');
  const projectsNamed = db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organizationId, placeholder('organizationId')), likeIgnoringCase(projects.name, pattern)));
  return db
    .select(deploymentRecord)
    .from(deployments)
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .where(
      and(
        eq(deployments.organizationId, placeholder('organizationId')),
        after
          ? sql`(${deployments.createdAt}, ${deployments.id}) > (${placeholder('afterCreatedAt')}::timestamptz, ${placeholder('afterId')})`
          : undefined,
        scoped ? sql`${deployments.projectId} = any(${placeholder('projectIds')}::uuid[])` : undefined,
        search
          ? or(likeIgnoringCase(deployments.name, pattern), likeIgnoringCase(deployments.id, pattern), inArray(deployments.projectId, projectsNamed))
          : undefined,
      ),
    )
    .orderBy(asc(deployments.createdAt), asc(deployments.id))
    .limit(placeholder('limit'))
    .prepare(`deployment_list_${shape.replaceAll('-', '_')}`);
});

export async function listDeployments(
  db: Executor,
  organizationId: string,
  filter: { projectIds: string[] | null; search?: string | undefined; after?: DeploymentCursor; limit?: number },
): Promise<DeploymentRecord[]> {
  if (filter.projectIds?.length === 0) return [];
  const shape: ListShape = `${filter.after ? 'a' : '-'}${filter.projectIds ? 'p' : '-'}${filter.search ? 's' : '-'}`;
  const rows = await deploymentList(db, shape).execute({
    organizationId,
    afterCreatedAt: filter.after?.createdAt,
    afterId: filter.after?.id,
    projectIds: filter.projectIds,
    pattern: filter.search ? containsPattern(filter.search) : undefined,
    limit: filter.limit ?? 1_000_000,
  });
  return rows.map((row) => row.record);
}

const deploymentById = preparedOncePerDatabase((db) =>
  db
    .select(deploymentRecord)
    .from(deployments)
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .where(and(eq(deployments.organizationId, placeholder('organizationId')), eq(deployments.id, placeholder('id'))))
    .limit(1)
    .prepare('deployment_by_id'),
);

export async function findDeployment(db: Executor, organizationId: string, id: string): Promise<DeploymentRecord | undefined> {
  const [row] = await deploymentById(db).execute({ organizationId, id });
  return row?.record;
}

export async function insertDeployment(db: Executor, values: typeof deployments.$inferInsert): Promise<void> {
  await db.insert(deployments).values(values);
}

export async function updateDeployment(
  db: Executor,
  id: string,
  patch: Partial<Pick<DeploymentRow, 'name' | 'status' | 'statusSettlesAt' | 'upstreamUrl' | 'upstreamApiKey' | 'upstreamSecretSealed'>>,
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

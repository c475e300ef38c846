import { can } from '../../contract/roles';
import type { PlatformScope } from '../../contract/platform-scopes';
import type { Actor } from '../kernel/actor';
import { auditActorOfUser, type AuditActor } from '../audit/audit-log';
import type { Executor } from '../db/store';
import { projectMembers } from '../db/schema';
import { eq } from 'drizzle-orm';

/**
 * What a principal may do with deployments: the one place that answers "who may see, create,
 * start, stop or configure this deployment", for console accounts and Platform API Keys alike.
 */
export interface DeploymentAccess {
  organizationId: string;
  auditActor: AuditActor;
  /** Projects whose deployments it may see; null for every project. */
  visibleProjectIds: string[] | null;
  /** Accounts never learn that a deployment outside their projects exists (404); a key whose
   * project scope leaves it out is told it may not use it (403), as EMQX Platform does. */
  outsideScope: 'not_found' | 'forbidden';
  mayCreate: boolean;
  mayOperate: boolean;
  mayConfigure: boolean;
  /** Set or change where the gateway forwards (Root and Administrators only). */
  mayConfigureUpstream: boolean;
  /** Import full-access legacy v4 keys (a Platform API Key with the Legacy Key Import scope). */
  mayImportLegacyKeys: boolean;
}

export async function accessForUser(db: Executor, actor: Actor): Promise<DeploymentAccess> {
  const visibleProjectIds = can(actor.role, 'seesEveryProject')
    ? null
    : (
        await db.select({ projectId: projectMembers.projectId }).from(projectMembers).where(eq(projectMembers.userId, actor.userId))
      ).map((row) => row.projectId);
  return {
    organizationId: actor.organizationId,
    auditActor: auditActorOfUser(actor),
    visibleProjectIds,
    outsideScope: 'not_found',
    mayCreate: can(actor.role, 'operateDeployments'),
    mayOperate: can(actor.role, 'operateDeployments'),
    mayConfigure: can(actor.role, 'configureDeployments'),
    mayConfigureUpstream: can(actor.role, 'configureUpstreams'),
    mayImportLegacyKeys: false,
  };
}

export interface PlatformKeyPrincipal {
  id: string;
  keyId: string;
  organizationId: string;
  scopes: PlatformScope[];
  projectIds: string[] | null;
  address: string | null;
}

export function accessForPlatformKey(key: PlatformKeyPrincipal): DeploymentAccess {
  return {
    organizationId: key.organizationId,
    auditActor: { organizationId: key.organizationId, type: 'platform_key', id: key.keyId, label: key.keyId, address: key.address },
    visibleProjectIds: key.projectIds,
    outsideScope: 'forbidden',
    mayCreate: key.scopes.includes('deployment_management'),
    mayOperate: key.scopes.includes('deployment_management'),
    mayConfigure: key.scopes.includes('tls_certificate_management'),
    mayConfigureUpstream: false,
    mayImportLegacyKeys: key.scopes.includes('legacy_key_import'),
  };
}

export function seesProject(access: DeploymentAccess, projectId: string): boolean {
  return access.visibleProjectIds === null || access.visibleProjectIds.includes(projectId);
}

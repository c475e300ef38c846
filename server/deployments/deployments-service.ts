import type { z } from 'zod';
import { isDedicatedFamily, type DeploymentStatus, type DeploymentType } from '../../contract/deployment-types';
import type { createDeploymentRequestSchema, upstreamChangeRequestSchema } from '../../contract/deployments';
import { recordAudit } from '../audit/audit-log';
import type { ChangeNotice } from '../db/change-bus';
import type { Database } from '../db/store';
import { isUniqueViolation } from '../db/postgres-errors';
import { ForbiddenError, InvalidError, NotFoundError } from '../http/domain-errors';
import { decodeCursor, encodeCursor, isTimestampText } from '../http/list-cursor';
import { findProjectInOrganization } from '../projects/projects-data';
import type { SecretBox } from '../secrets/secret-box';
import { seesProject, type DeploymentAccess } from './deployment-access';
import { displayableUpstreamUrl, type UpstreamPolicy } from './upstream-policy';
import {
  deleteDeployment,
  findDeployment,
  insertDeployment,
  listDeployments,
  newDeploymentId,
  updateDeployment,
  type DeploymentCursor,
  type DeploymentRecord,
} from './deployments-data';
import { ERROR_CODES } from '../../contract/errors';

/** A deployment as services hand it out: its record, with its status now. */
export type DeploymentView = Omit<DeploymentRecord, 'type' | 'status' | 'statusSettlesAt' | 'createdAt'> & {
  type: DeploymentType;
  status: DeploymentStatus;
  createdAt: Date;
};

export const DEPLOYMENT_TYPE_UNSUPPORTED = ERROR_CODES.deploymentTypeUnsupported;

const DEPLOYMENT_ID = /^[a-z][0-9a-f]{7}$/;
const readCursor = (text: string | undefined): DeploymentCursor | undefined =>
  decodeCursor(text, ({ id, createdAt }) => (typeof id === 'string' && DEPLOYMENT_ID.test(id) && isTimestampText(createdAt) ? { id, createdAt } : undefined));

export function createDeploymentsService(deps: {
  db: Database;
  now: () => number;
  secretBox: SecretBox;
  /** How long a start or stop takes to settle (EMQX reports "starting"/"stopping" meanwhile). */
  transitionMs: number;
  /** Where upstream URLs may point (KEYWARD_UPSTREAM_ALLOW). */
  upstreamPolicy: UpstreamPolicy;
  /** Tells the gateway (here and on other instances) that a deployment changed. */
  announce: (notice: ChangeNotice) => Promise<void>;
}) {
  const { db, now, secretBox, transitionMs, announce, upstreamPolicy } = deps;

  type UpstreamInput = Partial<z.output<typeof upstreamChangeRequestSchema>>;
  /** The console sends an upstream too; the Platform API never does (only administrators set one). */
  /** What the console or the Platform API asks for; capacity only through the Platform API (default 1000 each). */
  type CreateDeploymentInput = Omit<z.output<typeof createDeploymentRequestSchema>, keyof UpstreamInput> &
    UpstreamInput & { maxConnections?: number; maxTps?: number };

  /** Only administrators point Keyward's server somewhere, and only where the operator allows. */
  async function checkUpstream(access: DeploymentAccess, input: UpstreamInput): Promise<void> {
    if (!input.upstreamUrl) return;
    if (!access.mayConfigureUpstream) throw new ForbiddenError('Only the Root account and Administrators may set where a deployment forwards.');
    if (!(await upstreamPolicy.allowsUrl(new URL(input.upstreamUrl)))) {
      throw new InvalidError(
        'The request body has invalid fields.',
        [{ path: 'upstreamUrl', message: 'Keyward may not connect to this address (KEYWARD_UPSTREAM_ALLOW)' }],
        ERROR_CODES.upstreamNotAllowed,
      );
    }
  }

  const upstreamColumns = (input: UpstreamInput) => ({
    upstreamUrl: input.upstreamUrl ?? null,
    upstreamApiKey: input.upstreamApiKey ?? null,
    upstreamSecretSealed: input.upstreamApiSecret ? secretBox.seal(input.upstreamApiSecret) : null,
  });

  function view(record: DeploymentRecord): DeploymentView {
    const { statusSettlesAt, status, type, createdAt, ...rest } = record;
    const settling = statusSettlesAt !== null && Date.parse(statusSettlesAt) > now();
    return {
      ...rest,
      type: type as DeploymentType,
      status: settling ? (status === 'running' ? 'starting' : 'stopping') : (status as DeploymentStatus),
      createdAt: new Date(createdAt),
    };
  }

  /** The deployment if the principal may see it; otherwise 404 or 403 as its access says. */
  async function visible(access: DeploymentAccess, id: string): Promise<DeploymentView> {
    const row = await findDeployment(db, access.organizationId, id);
    if (!row) throw new NotFoundError('No such deployment.');
    if (!seesProject(access, row.projectId)) {
      if (access.outsideScope === 'not_found') throw new NotFoundError('No such deployment.');
      throw new ForbiddenError('This key may not use deployments of that project.');
    }
    return view(row);
  }

  function requireDedicated(deployment: DeploymentView, what: string): void {
    if (!isDedicatedFamily(deployment.type)) {
      throw new InvalidError(`${what} applies to Dedicated, Dedicated Flex and BYOC deployments only.`, undefined, DEPLOYMENT_TYPE_UNSUPPORTED);
    }
  }

  async function operable(access: DeploymentAccess, id: string): Promise<DeploymentView> {
    const deployment = await visible(access, id);
    if (!access.mayOperate) throw new ForbiddenError();
    return deployment;
  }

  async function changeRunState(access: DeploymentAccess, id: string, target: 'running' | 'stopped'): Promise<DeploymentView> {
    const deployment = await operable(access, id);
    requireDedicated(deployment, target === 'running' ? 'Start' : 'Stop');
    if (deployment.status !== (target === 'running' ? 'stopped' : 'running')) {
      throw new InvalidError(
        target === 'running' ? `The deployment is ${deployment.status}; only a stopped deployment can be started.` : `The deployment is ${deployment.status}; only a running deployment can be stopped.`,
        undefined,
        ERROR_CODES.deploymentStateConflict,
      );
    }
    await db.transaction(async (tx) => {
      await updateDeployment(tx, id, { status: target, statusSettlesAt: transitionMs > 0 ? new Date(now() + transitionMs) : null });
      await recordAudit(tx, access.auditActor, {
        action: target === 'running' ? 'deployment.start' : 'deployment.stop',
        targetType: 'deployment',
        targetId: id,
        targetLabel: deployment.name,
      });
    });
    await announce({ kind: 'deployment', id });
    return visible(access, id);
  }

  return {
    visible,
    requireDedicated,

    /** Every visible deployment (the Platform API's list is one array, as EMQX Platform's is). */
    async list(access: DeploymentAccess, search?: string): Promise<DeploymentView[]> {
      const rows = await listDeployments(db, access.organizationId, { projectIds: access.visibleProjectIds, search });
      return rows.map(view);
    },

    /** One page for the console, and the cursor of the next. */
    async page(
      access: DeploymentAccess,
      query: { search?: string | undefined; limit: number; after?: string | undefined },
    ): Promise<{ deployments: DeploymentView[]; nextCursor: string | null }> {
      const rows = await listDeployments(db, access.organizationId, {
        projectIds: access.visibleProjectIds,
        search: query.search,
        after: readCursor(query.after),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        deployments: page.map(view),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    },

    async create(access: DeploymentAccess, input: CreateDeploymentInput): Promise<DeploymentView> {
      if (!access.mayCreate) throw new ForbiddenError();
      const project = await findProjectInOrganization(db, access.organizationId, input.projectId);
      if (project && !seesProject(access, project.id) && access.outsideScope === 'forbidden') {
        throw new ForbiddenError('This key may not use deployments of that project.');
      }
      if (!project || !seesProject(access, project.id)) {
        throw new InvalidError('The request body has invalid fields.', [{ path: 'projectId', message: 'No such project' }]);
      }
      await checkUpstream(access, input);
      for (let attempt = 0; ; attempt++) {
        const id = newDeploymentId();
        try {
          await db.transaction(async (tx) => {
            await insertDeployment(tx, {
              id,
              organizationId: access.organizationId,
              projectId: project.id,
              name: input.name,
              type: input.type,
              emqxVersion: input.emqxVersion,
              region: input.region,
              status: 'running',
              ...(input.maxConnections ? { maxConnections: input.maxConnections } : {}),
              ...(input.maxTps ? { maxTps: input.maxTps } : {}),
              ...upstreamColumns(input),
            });
            await recordAudit(tx, access.auditActor, {
              action: 'deployment.create',
              targetType: 'deployment',
              targetId: id,
              targetLabel: input.name,
              details: { type: input.type, project: project.name, region: input.region, upstreamUrl: input.upstreamUrl ?? null },
            });
          });
          return visible(access, id);
        } catch (error) {
          // A fresh random id collided with an existing one: draw another.
          if (isUniqueViolation(error) && attempt < 5) continue;
          throw error;
        }
      }
    },

    start: (access: DeploymentAccess, id: string) => changeRunState(access, id, 'running'),
    stop: (access: DeploymentAccess, id: string) => changeRunState(access, id, 'stopped'),

    async rename(access: DeploymentAccess, id: string, name: string): Promise<DeploymentView> {
      const deployment = await operable(access, id);
      await db.transaction(async (tx) => {
        await updateDeployment(tx, id, { name });
        await recordAudit(tx, access.auditActor, {
          action: 'deployment.rename',
          targetType: 'deployment',
          targetId: id,
          targetLabel: name,
          details: { from: deployment.name },
        });
      });
      return visible(access, id);
    },

    /** Replaces (or, with every field empty, removes) where the gateway forwards; in force at once. */
    async changeUpstream(access: DeploymentAccess, id: string, input: UpstreamInput): Promise<DeploymentView> {
      const deployment = await visible(access, id);
      if (!access.mayConfigureUpstream) throw new ForbiddenError('Only the Root account and Administrators may set where a deployment forwards.');
      await checkUpstream(access, input);
      await db.transaction(async (tx) => {
        await updateDeployment(tx, id, upstreamColumns(input));
        await recordAudit(tx, access.auditActor, {
          action: 'deployment.upstream_change',
          targetType: 'deployment',
          targetId: id,
          targetLabel: deployment.name,
          details: { from: displayableUpstreamUrl(deployment.upstreamUrl), to: input.upstreamUrl ?? null },
        });
      });
      await announce({ kind: 'deployment', id });
      return visible(access, id);
    },

    async remove(access: DeploymentAccess, id: string): Promise<void> {
      const deployment = await operable(access, id);
      await db.transaction(async (tx) => {
        await deleteDeployment(tx, id);
        await recordAudit(tx, access.auditActor, {
          action: 'deployment.delete',
          targetType: 'deployment',
          targetId: id,
          targetLabel: deployment.name,
        });
      });
      await announce({ kind: 'deployment', id });
    },
  };
}

export type DeploymentsService = ReturnType<typeof createDeploymentsService>;

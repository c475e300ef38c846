import type { z } from 'zod';
import type { TestAccessResult, testAccessRequestSchema } from '../../contract/deployment-keys';
import { catalogIdFor, permissionKey } from '../../contract/endpoint-catalog';
import type { DeploymentAccess } from '../deployments/deployment-access';
import type { DeploymentsService } from '../deployments/deployments-service';
import { CATALOGS } from '../permissions/catalogs';
import { decideAccess } from '../permissions/access-decision';
import { refusalAnswerOf } from '../permissions/refusal-answers';

/**
 * The path a person typed, as the gateway would see it after `/api/deployments/{id}`: a full
 * gateway URL loses its origin and prefix, the query goes (it never routes), and a path relative
 * to the API gains the base path. Nothing else is touched: dot segments, escapes and doubled
 * slashes reach the matcher as typed, so the answer is the gateway's.
 */
export function gatewayPathOf(typed: string, deploymentId: string, basePath: string): string {
  let path = typed.replace(/^https?:\/\/[^/?#]*/i, '');
  const prefix = `/api/deployments/${deploymentId}/`;
  if (path.startsWith(prefix)) path = path.slice(prefix.length - 1);
  const queryAt = path.indexOf('?');
  if (queryAt !== -1) path = path.slice(0, queryAt);
  if (!path.startsWith('/')) path = `/${path}`;
  return path === basePath || path.startsWith(`${basePath}/`) ? path : `${basePath}${path}`;
}

/** "Test access" in the key dialog: allow or deny, and why, for grants not yet saved. */
export function createAccessTester(deps: { deployments: DeploymentsService; pathPolicy: { encodedSlashKept: boolean } }) {
  return {
    async test(
      access: DeploymentAccess,
      deploymentId: string,
      input: z.output<typeof testAccessRequestSchema>,
    ): Promise<TestAccessResult> {
      const deployment = await deps.deployments.visible(access, deploymentId);
      const catalogId = catalogIdFor(deployment.type);
      const path = gatewayPathOf(input.path, deploymentId, CATALOGS[catalogId].basePath);
      const grants = {
        fullAccess: false,
        permissions: new Set(input.permissions.map((grant) => permissionKey(grant as never))),
      };
      const decision = decideAccess(catalogId, input.method, path, grants, deps.pathPolicy);
      if (decision.outcome === 'allowed') {
        return { outcome: 'allowed', endpoint: decision.endpoint.path, grant: decision.grant, canonicalPath: decision.canonicalPath, message: `Allowed by ${decision.grant}.` };
      }
      // Word for word what the gateway would answer, with its status.
      const answer = refusalAnswerOf(decision, input.method);
      return {
        outcome: decision.outcome,
        endpoint: 'endpoint' in decision ? decision.endpoint.path : null,
        grant: null,
        canonicalPath: decision.outcome === 'denied' ? decision.canonicalPath : null,
        message: `${answer.body.message} (${answer.status})`,
      };
    },
  };
}

export type AccessTester = ReturnType<typeof createAccessTester>;

import type { z } from 'zod';
import type { TestAccessResult, testAccessRequestSchema } from '../../contract/deployment-keys';
import { catalogIdFor, permissionKey } from '../../contract/endpoint-catalog';
import type { DeploymentAccess } from '../deployments/deployment-access';
import type { DeploymentsService } from '../deployments/deployments-service';
import { PATH_REFUSAL_MESSAGES } from '../permissions/canonical-path';
import { CATALOGS } from '../permissions/catalogs';
import { decideAccess } from '../permissions/access-decision';

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
      const call = `${input.method} ${path}`;
      switch (decision.outcome) {
        case 'allowed':
          return {
            outcome: 'allowed',
            endpoint: decision.endpoint.path,
            grant: decision.grant,
            canonicalPath: decision.canonicalPath,
            message: `Allowed by ${decision.grant}.`,
          };
        case 'denied':
          return {
            outcome: 'denied',
            endpoint: decision.endpoint.path,
            grant: null,
            canonicalPath: decision.canonicalPath,
            message: decision.viaEncodedSlash
              ? `Denied: the encoded slash (%2F) reaches ${input.method} ${decision.endpoint.path} through a decoding proxy, and there is no grant for it (403).`
              : `Denied: no grant for ${input.method} ${decision.endpoint.path} (403).`,
          };
        case 'method_not_allowed':
          return {
            outcome: 'method_not_allowed',
            endpoint: decision.endpoint.path,
            grant: null,
            canonicalPath: null,
            message: `${decision.endpoint.path} supports ${decision.endpoint.methods.join(', ')} (405).`,
          };
        case 'not_found':
          return {
            outcome: 'not_found',
            endpoint: null,
            grant: null,
            canonicalPath: null,
            message: `No ${decision.catalogTitle} endpoint at ${call} (404).`,
          };
        case 'invalid_path':
          return {
            outcome: 'invalid_path',
            endpoint: null,
            grant: null,
            canonicalPath: null,
            message: `${PATH_REFUSAL_MESSAGES[decision.refusal]} (400).`,
          };
      }
    },
  };
}

export type AccessTester = ReturnType<typeof createAccessTester>;

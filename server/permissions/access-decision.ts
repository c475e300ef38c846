import {
  HTTP_METHODS,
  type CatalogEndpoint,
  type CatalogId,
} from '../../contract/endpoint-catalog';
import type { PathRefusal } from './canonical-path';
import { CATALOGS } from './catalogs';
import { createEndpointMatcher } from './endpoint-matcher';

const MATCHERS = Object.fromEntries(
  Object.entries(CATALOGS).map(([id, catalog]) => [
    id,
    { catalog, matcher: createEndpointMatcher(catalog) },
  ]),
) as Record<
  CatalogId,
  { catalog: (typeof CATALOGS)[CatalogId]; matcher: ReturnType<typeof createEndpointMatcher> }
>;

/**
 * Each endpoint's grants ("METHOD /template"), made once: deciding a request builds no string,
 * and a key's set finds these by the hash they keep.
 */
const GRANTS = new Map(
  Object.values(CATALOGS)
    .flatMap((catalog) => catalog.categories.flatMap((category) => category.endpoints))
    .map((endpoint) => [endpoint, new Map(endpoint.methods.map((method) => [method as string, `${method} ${endpoint.path}`]))]),
);

/** The only methods ever forwarded: what catalogs can grant. */
export const FORWARDED_METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

/** What a key holds: every endpoint, or a set of "METHOD /template" grants. */
export interface Grants {
  fullAccess: boolean;
  permissions: ReadonlySet<string>;
}

export type AccessDecision =
  | {
      outcome: 'allowed';
      endpoint: CatalogEndpoint;
      canonicalPath: string;
      /** null: full access */ grant: string | null;
    }
  | {
      outcome: 'denied';
      endpoint: CatalogEndpoint;
      canonicalPath: string;
      /** Denied for the endpoint a `%2F`-decoding proxy would reach instead (`endpoint`). */
      viaEncodedSlash?: true;
    }
  | { outcome: 'method_not_allowed'; endpoint: CatalogEndpoint }
  | { outcome: 'not_found'; catalogTitle: string }
  | { outcome: 'invalid_path'; refusal: PathRefusal };

const holds = (grants: Grants, endpoint: CatalogEndpoint, method: string) => grants.permissions.has(GRANTS.get(endpoint)!.get(method)!);

/**
 * Whether a key may call `method path` on a deployment of this catalog: the path's one canonical
 * form routed against the catalog, then the key's grants. The gateway decides every request
 * with it, and the console's "Test access" answers with the very same function.
 * `path` is origin-form without the query, base path included (`/api/v5/clients/abc`).
 *
 * A parameter holding `/` (sent as `%2F`, as MQTT client IDs may) is forwarded encoded, and EMQX
 * reads it as one value; but a proxy between Keyward and EMQX that decodes `%2F` would pass on
 * another path. Unless the operator says the upstream keeps encoded slashes (`encodedSlashKept`),
 * when that other reading is another endpoint of the catalog with this method, the key must hold
 * it too (403 otherwise, naming it). A reading that is no endpoint (`/clients/plant/line-1`) is
 * no way into another one, and goes through as one value.
 */
export function decideAccess(
  catalogId: CatalogId,
  method: string,
  path: string,
  grants: Grants,
  options: { encodedSlashKept: boolean },
): AccessDecision {
  const { catalog, matcher } = MATCHERS[catalogId];
  const route = matcher.route(path);
  if (route.outcome === 'invalid') return { outcome: 'invalid_path', refusal: route.refusal };
  if (route.outcome === 'not_found') return { outcome: 'not_found', catalogTitle: catalog.title };
  const { endpoint, canonicalPath } = route;
  if (!FORWARDED_METHODS.has(method) || !endpoint.methods.includes(method as never))
    return { outcome: 'method_not_allowed', endpoint };
  if (route.slashReading !== undefined && !options.encodedSlashKept && !grants.fullAccess) {
    const reading = matcher.route(route.slashReading);
    const elsewhere = reading.outcome === 'matched' && reading.endpoint !== endpoint && reading.endpoint.methods.includes(method as never);
    if (elsewhere && !holds(grants, reading.endpoint, method)) return { outcome: 'denied', endpoint: reading.endpoint, canonicalPath, viaEncodedSlash: true };
  }
  if (grants.fullAccess) return { outcome: 'allowed', endpoint, canonicalPath, grant: null };
  const grant = GRANTS.get(endpoint)!.get(method)!;
  return grants.permissions.has(grant)
    ? { outcome: 'allowed', endpoint, canonicalPath, grant }
    : { outcome: 'denied', endpoint, canonicalPath };
}

import type { CatalogEndpoint, EndpointCatalog } from '../../contract/endpoint-catalog';
import { decodePath, encodePathSegment, slashDecodedReading, type PathRefusal } from './canonical-path';

interface Node {
  literals: Map<string, Node>;
  param?: Node;
  endpoint?: CatalogEndpoint;
}

/** A template split once: literal segments, and `null` where a parameter goes. */
type TemplateSegments = (string | null)[];

export type RouteResult =
  | {
      outcome: 'matched';
      endpoint: CatalogEndpoint;
      /** base path included; what is forwarded */ canonicalPath: string;
      /** Set when a parameter holds `/`: the path a `%2F`-decoding proxy would pass on. */ slashReading: string | undefined;
    }
  | { outcome: 'invalid'; refusal: PathRefusal }
  | { outcome: 'not_found' };

const NOT_FOUND: RouteResult = { outcome: 'not_found' };
const newNode = (): Node => ({ literals: new Map() });
const templateSegments = (path: string): TemplateSegments =>
  path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? null : segment));

/**
 * Routes a request path to one endpoint template of a catalog, and gives the path's canonical
 * form: the catalog's own spelling of every literal segment and each parameter re-encoded one
 * way (canonical-path.ts). Literal segments match only their exact, case-sensitive spelling, as
 * EMQX's router does, and win over `{param}` segments, so `/clients/search` beats
 * `/clients/{clientid}` when both exist.
 */
export function createEndpointMatcher(catalog: EndpointCatalog) {
  const root = newNode();
  const templates = new Map<CatalogEndpoint, TemplateSegments>();
  const base = templateSegments(catalog.basePath) as string[];
  for (const category of catalog.categories) {
    for (const endpoint of category.endpoints) {
      const segments = templateSegments(endpoint.path);
      templates.set(endpoint, segments);
      let node = root;
      for (const segment of segments) {
        if (segment === null) node = node.param ??= newNode();
        else {
          let next = node.literals.get(segment);
          if (!next) node.literals.set(segment, (next = newNode()));
          node = next;
        }
      }
      node.endpoint = endpoint;
    }
  }
  // The catalog's root endpoint (`/`, EMQX v4's index), canonically the base path with a slash.
  const rootEndpoint = root.endpoint;

  function walk(node: Node, segments: string[], index: number): CatalogEndpoint | undefined {
    if (index === segments.length) return node.endpoint;
    const literal = node.literals.get(segments[index]!);
    const viaLiteral = literal && walk(literal, segments, index + 1);
    if (viaLiteral) return viaLiteral;
    return node.param ? walk(node.param, segments, index + 1) : undefined;
  }

  function canonicalPathOf(endpoint: CatalogEndpoint, segments: string[]): string {
    let path = catalog.basePath;
    const template = templates.get(endpoint)!;
    if (template.length === 0) return `${path}/`;
    for (let index = 0; index < template.length; index++) {
      path += `/${template[index] ?? encodePathSegment(segments[base.length + index]!)}`;
    }
    return path;
  }
  // A template without parameters has one canonical path whatever was sent: built once, and
  // one flat string that is cheaper to pass on than one joined per request.
  const literalPaths = new Map<CatalogEndpoint, string>();
  for (const [endpoint, template] of templates) if (!template.includes(null)) literalPaths.set(endpoint, canonicalPathOf(endpoint, []));

  return {
    /** `path`: the origin-form path without its query, base path included (`/api/v5/clients`). */
    route(path: string): RouteResult {
      const rootForm = rootEndpoint !== undefined && path.length > 1 && path.endsWith('/');
      const segments = decodePath(rootForm ? path.slice(0, -1) : path);
      if (!Array.isArray(segments)) return { outcome: 'invalid', refusal: segments };
      if (segments.length < base.length) return NOT_FOUND;
      for (let index = 0; index < base.length; index++) if (segments[index] !== base[index]) return NOT_FOUND;
      if (rootForm && segments.length > base.length) return { outcome: 'invalid', refusal: 'empty_segment' };
      const endpoint = walk(root, segments, base.length);
      return endpoint ? { outcome: 'matched', endpoint, canonicalPath: literalPaths.get(endpoint) ?? canonicalPathOf(endpoint, segments), slashReading: slashDecodedReading(segments) } : NOT_FOUND;
    },
  };
}

export type EndpointMatcher = ReturnType<typeof createEndpointMatcher>;

import type { CatalogEndpoint, EndpointCatalog } from '../../contract/endpoint-catalog';

interface Node {
  literals: Map<string, Node>;
  param?: Node;
  endpoint?: CatalogEndpoint;
}

const newNode = (): Node => ({ literals: new Map() });
const segmentsOf = (path: string) => path.split('/').filter((segment) => segment !== '');

/**
 * Routes a request path to one endpoint template of a catalog: literal segments win over
 * `{param}` segments, so `/clients/search` beats `/clients/{clientid}` when both exist.
 */
export function createEndpointMatcher(catalog: EndpointCatalog) {
  const root = newNode();
  for (const category of catalog.categories) {
    for (const endpoint of category.endpoints) {
      let node = root;
      for (const segment of segmentsOf(endpoint.path)) {
        if (/^\{[^}]+\}$/.test(segment)) node = node.param ??= newNode();
        else {
          let next = node.literals.get(segment);
          if (!next) node.literals.set(segment, (next = newNode()));
          node = next;
        }
      }
      node.endpoint = endpoint;
    }
  }

  function walk(node: Node, segments: string[], index: number): CatalogEndpoint | undefined {
    if (index === segments.length) return node.endpoint;
    const literal = node.literals.get(segments[index]!);
    const viaLiteral = literal && walk(literal, segments, index + 1);
    if (viaLiteral) return viaLiteral;
    return node.param ? walk(node.param, segments, index + 1) : undefined;
  }

  return {
    /** The endpoint whose template matches `path` (relative to the API's base path), if any. */
    match(path: string): CatalogEndpoint | undefined {
      return walk(root, segmentsOf(path), 0);
    },
  };
}

export type EndpointMatcher = ReturnType<typeof createEndpointMatcher>;

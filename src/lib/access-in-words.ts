import {
  HTTP_METHODS,
  type EndpointCatalog,
  type HttpMethod,
  type Permission,
} from '@contract/endpoint-catalog';

/** What a method lets a key do, in a word. */
export const METHOD_WORDS: Record<HttpMethod, 'read' | 'create' | 'update' | 'delete'> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  DELETE: 'delete',
};

/**
 * A key's grants per category of its catalog, as the methods it may use there ("Clients": GET,
 * DELETE), in the catalog's order; categories it has nothing in are left out.
 */
export function accessInWords(catalog: EndpointCatalog, permissions: Permission[]) {
  const granted = new Set(permissions.map((grant) => `${grant.method} ${grant.path}`));
  return catalog.categories
    .map((category) => ({
      category: category.name,
      methods: HTTP_METHODS.filter((method) =>
        category.endpoints.some((endpoint) => granted.has(`${method} ${endpoint.path}`)),
      ),
    }))
    .filter((line) => line.methods.length > 0);
}

import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { CatalogId, EndpointCatalog } from '@contract/endpoint-catalog';

// The same generated files the server enforces; each loads only when a screen needs it (the
// picker, a key's access in words).
const LOADERS: Record<CatalogId, () => Promise<{ default: unknown }>> = {
  'emqx-v5': () => import('@catalog/emqx-v5.json'),
  'emqx-v4': () => import('@catalog/emqx-v4.json'),
  'emqx-serverless': () => import('@catalog/emqx-serverless.json'),
};

export const catalogQueryOptions = (id: CatalogId) =>
  queryOptions({
    queryKey: ['catalogs', id] as const,
    queryFn: async () => (await LOADERS[id]()).default as EndpointCatalog,
    staleTime: Infinity,
  });

export const useCatalog = (id: CatalogId) => useQuery(catalogQueryOptions(id));

/** Several catalogs at once (a list spanning deployment types): each by its id once loaded. */
export function useCatalogs(
  ids: readonly CatalogId[],
): Partial<Record<CatalogId, EndpointCatalog>> {
  const distinct = [...new Set(ids)];
  const results = useQueries({ queries: distinct.map(catalogQueryOptions) });
  return Object.fromEntries(
    distinct.flatMap((id, index) => (results[index]?.data ? [[id, results[index].data]] : [])),
  );
}

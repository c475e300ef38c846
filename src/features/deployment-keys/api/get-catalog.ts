import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CatalogId, EndpointCatalog } from '@contract/endpoint-catalog';
import { deploymentKeyKeys } from './deployment-key-keys';

// The same generated files the server enforces; each loads only when a picker needs it.
const LOADERS: Record<CatalogId, () => Promise<{ default: unknown }>> = {
  'emqx-v5': () => import('@catalog/emqx-v5.json'),
  'emqx-v4': () => import('@catalog/emqx-v4.json'),
  'emqx-serverless': () => import('@catalog/emqx-serverless.json'),
};

export const catalogQueryOptions = (id: CatalogId) =>
  queryOptions({
    queryKey: deploymentKeyKeys.catalog(id),
    queryFn: async () => (await LOADERS[id]()).default as EndpointCatalog,
    staleTime: Infinity,
  });

export const useCatalog = (id: CatalogId) => useQuery(catalogQueryOptions(id));

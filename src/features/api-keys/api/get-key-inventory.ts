import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { KeyInventoryPage } from '@contract/deployment-keys';
import type { Deployment } from '@contract/deployments';
import type { Project } from '@contract/projects';
import { apiRequest } from '@/lib/api-client';

export interface InventoryFilters {
  search: string;
  deploymentId: string;
  projectId: string;
  createdBy: string;
  /** `team=payments env=prod`: every term must match. */
  label: string;
}

export const keyInventoryKeys = {
  all: ['key-inventory'] as const,
  list: (filters: InventoryFilters) => [...keyInventoryKeys.all, 'list', filters] as const,
  choices: () => [...keyInventoryKeys.all, 'choices'] as const,
};

function toQuery(filters: InventoryFilters, after: string | undefined): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (after) query.set('after', after);
  return query.toString();
}

export const keyInventoryQueryOptions = (filters: InventoryFilters) =>
  infiniteQueryOptions({
    queryKey: keyInventoryKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<KeyInventoryPage>(`/api/console/deployment-keys?${toQuery(filters, pageParam)}`, {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useKeyInventory = (filters: InventoryFilters) =>
  useInfiniteQuery(keyInventoryQueryOptions(filters));

/** What the Deployment and Project filters offer: what the account may see. */
export const useFilterChoices = () =>
  useQuery(
    queryOptions({
      queryKey: keyInventoryKeys.choices(),
      queryFn: async ({ signal }) => {
        const [deployments, projects] = await Promise.all([
          apiRequest<{ deployments: Deployment[] }>('/api/console/deployments?limit=200', {
            signal,
          }),
          apiRequest<{ projects: Project[] }>('/api/console/projects', { signal }),
        ]);
        return { deployments: deployments.deployments, projects: projects.projects };
      },
    }),
  );

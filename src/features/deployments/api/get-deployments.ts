import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Deployment } from '@contract/deployments';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

const PAGE_SIZE = 50;

export const getDeploymentsPage = (
  search: string,
  after: string | undefined,
  signal?: AbortSignal,
) => {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (search) query.set('search', search);
  if (after) query.set('after', after);
  return apiRequest<{ deployments: Deployment[]; nextCursor: string | null }>(
    `/api/console/deployments?${query}`,
    { signal },
  );
};

/** Pages of deployments, filtered on the server; the next page loads on request. */
export const deploymentsQueryOptions = (search: string) =>
  infiniteQueryOptions({
    queryKey: deploymentKeys.list(search),
    queryFn: ({ pageParam, signal }) => getDeploymentsPage(search, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useDeployments = (search: string) => useInfiniteQuery(deploymentsQueryOptions(search));

import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { DeploymentKeyPage } from '@contract/deployment-keys';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeyKeys } from './deployment-key-keys';

export const deploymentKeysQueryOptions = (deploymentId: string) =>
  infiniteQueryOptions({
    queryKey: deploymentKeyKeys.list(deploymentId),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<DeploymentKeyPage>(
        `/api/console/deployments/${deploymentId}/keys${pageParam ? `?after=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The pages loaded so far, as one list of keys.
    select: (data) => data.pages.flatMap((page) => page.keys),
  });

/** A deployment's keys, a page at a time (`fetchNextPage` while `hasNextPage`). */
export const useDeploymentKeys = (deploymentId: string) =>
  useInfiniteQuery(deploymentKeysQueryOptions(deploymentId));

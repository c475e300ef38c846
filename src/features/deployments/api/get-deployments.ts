import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Deployment } from '@contract/deployments';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

export const getDeployments = (search: string, signal?: AbortSignal) =>
  apiRequest<{ deployments: Deployment[] }>(
    `/api/console/deployments${search ? `?search=${encodeURIComponent(search)}` : ''}`,
    { signal },
  ).then((body) => body.deployments);

export const deploymentsQueryOptions = (search: string) =>
  queryOptions({
    queryKey: deploymentKeys.list(search),
    queryFn: ({ signal }) => getDeployments(search, signal),
    placeholderData: keepPreviousData,
  });

export const useDeployments = (search: string) => useQuery(deploymentsQueryOptions(search));

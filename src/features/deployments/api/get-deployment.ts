import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Deployment } from '@contract/deployments';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

export const getDeployment = (id: string, signal?: AbortSignal) =>
  apiRequest<Deployment>(`/api/console/deployments/${encodeURIComponent(id)}`, { signal });

export const deploymentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: deploymentKeys.detail(id),
    queryFn: ({ signal }) => getDeployment(id, signal),
    // While a start or stop settles, keep the status fresh without a reload.
    refetchInterval: (query) =>
      query.state.data?.status === 'starting' || query.state.data?.status === 'stopping'
        ? 2_000
        : false,
  });

export const useDeployment = (id: string) => useQuery(deploymentQueryOptions(id));

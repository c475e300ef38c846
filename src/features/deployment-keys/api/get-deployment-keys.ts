import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DeploymentKey } from '@contract/deployment-keys';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeyKeys } from './deployment-key-keys';

export const deploymentKeysQueryOptions = (deploymentId: string) =>
  queryOptions({
    queryKey: deploymentKeyKeys.list(deploymentId),
    queryFn: ({ signal }) =>
      apiRequest<{ keys: DeploymentKey[] }>(`/api/console/deployments/${deploymentId}/keys`, {
        signal,
      }).then((body) => body.keys),
  });

export const useDeploymentKeys = (deploymentId: string) =>
  useQuery(deploymentKeysQueryOptions(deploymentId));

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DeploymentKeyWithDeployment } from '@contract/deployment-keys';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeyKeys } from './deployment-key-keys';

/** One Deployment API Key with its deployment, for its own page (404 when it is none, or not one the account may see). */
export const useDeploymentKey = (keyId: string) =>
  useQuery(
    queryOptions({
      queryKey: deploymentKeyKeys.one(keyId),
      queryFn: ({ signal }) =>
        apiRequest<DeploymentKeyWithDeployment>(`/api/console/deployment-keys/${keyId}`, {
          signal,
        }),
      // A 404 is an answer (perhaps a Platform API Key's id), not a failure worth retrying.
      retry: false,
    }),
  );

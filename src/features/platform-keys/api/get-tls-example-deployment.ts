import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Deployment } from '@contract/deployments';
import type { PlatformKey } from '@contract/platform-keys';
import { apiRequest } from '@/lib/api-client';
import { platformKeyKeys } from './platform-key-keys';

/**
 * A TLS-only key may GET no list: its reveal's ready-to-run line reads one deployment's TLS
 * certificate instead, a deployment in the key's projects from the first page the console lists.
 * The first page is enough for an example; a key with none there gets no line, as before.
 */
const exampleDeploymentsQueryOptions = queryOptions({
  queryKey: platformKeyKeys.exampleDeployments(),
  queryFn: ({ signal }) =>
    apiRequest<{ deployments: Deployment[] }>('/api/console/deployments?limit=50', { signal }).then(
      (body) => body.deployments.map(({ id, projectId }) => ({ id, projectId })),
    ),
  staleTime: 5 * 60_000,
});

/** Which deployment a key's TLS example line names, or null while none is known. */
export function useTlsExampleDeployment(): (key: Pick<PlatformKey, 'projects'>) => string | null {
  const deployments = useQuery(exampleDeploymentsQueryOptions).data ?? [];
  return (key) => {
    const allowed = key.projects && new Set(key.projects.map((project) => project.id));
    return (
      deployments.find((deployment) => !allowed || allowed.has(deployment.projectId))?.id ?? null
    );
  };
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Project } from '@contract/projects';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

/** The projects the signed-in account may put a deployment in. */
export const deploymentProjectsQueryOptions = queryOptions({
  queryKey: deploymentKeys.projects(),
  queryFn: ({ signal }) =>
    apiRequest<{ projects: Project[] }>('/api/console/projects', { signal }).then(
      (body) => body.projects,
    ),
});

export const useDeploymentProjects = () => useQuery(deploymentProjectsQueryOptions);

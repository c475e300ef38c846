import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Project } from '@contract/projects';
import { apiRequest } from '@/lib/api-client';
import { projectKeys } from './project-keys';

export const getProjects = (signal?: AbortSignal) =>
  apiRequest<{ projects: Project[] }>('/api/console/projects', { signal }).then(
    (body) => body.projects,
  );

export const projectsQueryOptions = queryOptions({
  queryKey: projectKeys.list(),
  queryFn: ({ signal }) => getProjects(signal),
});

export const useProjects = () => useQuery(projectsQueryOptions);

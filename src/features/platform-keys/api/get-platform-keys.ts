import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlatformKey } from '@contract/platform-keys';
import type { Project } from '@contract/projects';
import { apiRequest } from '@/lib/api-client';
import { platformKeyKeys } from './platform-key-keys';

export const platformKeysQueryOptions = queryOptions({
  queryKey: platformKeyKeys.list(),
  queryFn: ({ signal }) =>
    apiRequest<{ keys: PlatformKey[] }>('/api/console/platform-keys', { signal }).then(
      (body) => body.keys,
    ),
});

export const usePlatformKeys = () => useQuery(platformKeysQueryOptions);

/** The projects a key's Project Scope can name. */
export const scopeProjectsQueryOptions = queryOptions({
  queryKey: platformKeyKeys.projects(),
  queryFn: ({ signal }) =>
    apiRequest<{ projects: Project[] }>('/api/console/projects', { signal }).then(
      (body) => body.projects,
    ),
});

export const useScopeProjects = () => useQuery(scopeProjectsQueryOptions);

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

/** One Platform API Key, for its own page; `enabled` only for those who manage them. */
export const usePlatformKey = (id: string, enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: platformKeyKeys.one(id),
      queryFn: ({ signal }) =>
        apiRequest<PlatformKey>(`/api/console/platform-keys/${id}`, { signal }),
      enabled,
      retry: false,
    }),
  );

/** The projects a key's Project Scope can name. */
export const scopeProjectsQueryOptions = queryOptions({
  queryKey: platformKeyKeys.projects(),
  queryFn: ({ signal }) =>
    apiRequest<{ projects: Project[] }>('/api/console/projects', { signal }).then(
      (body) => body.projects,
    ),
});

export const useScopeProjects = () => useQuery(scopeProjectsQueryOptions);

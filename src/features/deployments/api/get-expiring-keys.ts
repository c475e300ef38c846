import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExpiringKeys } from '@contract/key-lifecycle';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

export const expiringKeysQueryOptions = queryOptions({
  queryKey: [...deploymentKeys.all, 'expiring-keys'],
  queryFn: ({ signal }) =>
    apiRequest<ExpiringKeys>('/api/console/keys/expiring-soon', { signal }).then(
      (body) => body.keys,
    ),
});

export const useExpiringKeys = (enabled: boolean) =>
  useQuery({ ...expiringKeysQueryOptions, enabled });

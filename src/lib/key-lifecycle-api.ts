import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { KeyLifecycleChange, KeyPolicy } from '@contract/key-lifecycle';
import { apiRequest } from './api-client';

/**
 * The lifecycle calls both key kinds share (roll, expiry, disable, addresses), addressed by the
 * key's own console path (`/api/console/platform-keys/<id>`, `/api/console/deployments/<d>/keys/<id>`).
 */
export const keyPolicyQueryOptions = queryOptions({
  queryKey: ['settings', 'key-policy'],
  queryFn: ({ signal }) => apiRequest<KeyPolicy>('/api/console/settings/key-policy', { signal }),
});

export const useKeyPolicy = () => useQuery(keyPolicyQueryOptions);

export const useClientAddress = (enabled: boolean) =>
  useQuery({
    queryKey: ['client-address'],
    queryFn: ({ signal }) =>
      apiRequest<{ address: string }>('/api/console/client-address', { signal }),
    enabled,
  });

/** A roll answers with the key and its new secret (`secret` or `appSecret`, by kind). */
export interface RolledKey {
  secret?: string;
  appSecret?: string;
}

export function useRollKey(keyPath: string, onChanged: () => Promise<unknown>) {
  return useMutation({
    mutationFn: (graceSeconds: number) =>
      apiRequest<RolledKey>(`${keyPath}/roll`, { method: 'POST', body: { graceSeconds } }),
    meta: { showsErrorInline: true },
    onSuccess: onChanged,
  });
}

export function useChangeKeyLifecycle(keyPath: string, onChanged: () => Promise<unknown>) {
  return useMutation({
    mutationFn: (change: KeyLifecycleChange) =>
      apiRequest<unknown>(`${keyPath}/lifecycle`, { method: 'PATCH', body: change }),
    meta: { showsErrorInline: true },
    onSuccess: onChanged,
  });
}

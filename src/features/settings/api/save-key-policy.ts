import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KeyPolicy } from '@contract/key-lifecycle';
import { apiRequest } from '@/lib/api-client';
import { keyPolicyQueryOptions } from '@/lib/key-lifecycle-api';

export const saveKeyPolicy = (policy: KeyPolicy) =>
  apiRequest<KeyPolicy>('/api/console/settings/key-policy', { method: 'PUT', body: policy });

export const saveKeyPolicyMutationKey = ['settings', 'key-policy', 'save'] as const;

export function useSaveKeyPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saveKeyPolicyMutationKey,
    mutationFn: saveKeyPolicy,
    meta: { showsErrorInline: true },
    onSuccess: (policy) => queryClient.setQueryData(keyPolicyQueryOptions.queryKey, policy),
  });
}

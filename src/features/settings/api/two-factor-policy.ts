import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TwoFactorPolicy } from '@contract/security';
import { apiRequest } from '@/lib/api-client';

const PATH = '/api/console/settings/two-factor-policy';
const twoFactorPolicyQueryOptions = queryOptions({
  queryKey: ['settings', 'two-factor-policy'] as const,
  queryFn: ({ signal }) => apiRequest<{ policy: TwoFactorPolicy }>(PATH, { signal }),
});

export const useTwoFactorPolicy = () => useQuery(twoFactorPolicyQueryOptions);

export const saveTwoFactorPolicyMutationKey = ['settings', 'two-factor-policy', 'save'] as const;

export function useSaveTwoFactorPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saveTwoFactorPolicyMutationKey,
    mutationFn: (policy: TwoFactorPolicy) =>
      apiRequest<{ policy: TwoFactorPolicy }>(PATH, { method: 'PUT', body: { policy } }),
    meta: { showsErrorInline: true },
    onSuccess: (saved) => queryClient.setQueryData(twoFactorPolicyQueryOptions.queryKey, saved),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoSettings, SsoSettingsRequest } from '@contract/sso';
import { apiRequest } from '@/lib/api-client';

const PATH = '/api/console/settings/sso';
const ssoSettingsQueryOptions = queryOptions({
  queryKey: ['settings', 'sso'] as const,
  queryFn: ({ signal }) => apiRequest<SsoSettings>(PATH, { signal }),
});

export const useSsoSettings = () => useQuery(ssoSettingsQueryOptions);

export const saveSsoSettingsMutationKey = ['settings', 'sso', 'save'] as const;

export function useSaveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saveSsoSettingsMutationKey,
    mutationFn: (settings: SsoSettingsRequest) =>
      apiRequest<SsoSettings>(PATH, { method: 'PUT', body: settings }),
    meta: { showsErrorInline: true },
    onSuccess: (saved) => queryClient.setQueryData(ssoSettingsQueryOptions.queryKey, saved),
  });
}

export function useRemoveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(PATH, { method: 'DELETE' }),
    meta: { showsErrorInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ssoSettingsQueryOptions.queryKey }),
  });
}

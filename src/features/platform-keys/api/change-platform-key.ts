import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedPlatformKey,
  CreatePlatformKeyRequest,
  PlatformKey,
  UpdatePlatformKeyRequest,
} from '@contract/platform-keys';
import { apiRequest } from '@/lib/api-client';
import { platformKeyKeys } from './platform-key-keys';

export function useCreatePlatformKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePlatformKeyRequest) =>
      apiRequest<CreatedPlatformKey>('/api/console/platform-keys', { method: 'POST', body: input }),
    meta: { showsErrorInline: true },
    // The answer holds the Secret: keep no copy of it in the mutation cache.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeyKeys.list() }),
  });
}

export function useUpdatePlatformKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdatePlatformKeyRequest & { id: string }) =>
      apiRequest<PlatformKey>(`/api/console/platform-keys/${id}`, { method: 'PATCH', body: patch }),
    meta: { showsErrorInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeyKeys.list() }),
  });
}

export function useDeletePlatformKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/api/console/platform-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeyKeys.list() }),
  });
}

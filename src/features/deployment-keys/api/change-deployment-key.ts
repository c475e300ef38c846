import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedDeploymentKey,
  CreateDeploymentKeyRequest,
  DeploymentKey,
  UpdateDeploymentKeyRequest,
} from '@contract/deployment-keys';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeyKeys } from './deployment-key-keys';

export function useCreateDeploymentKey(deploymentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDeploymentKeyRequest) =>
      apiRequest<CreatedDeploymentKey>(`/api/console/deployments/${deploymentId}/keys`, {
        method: 'POST',
        body: input,
      }),
    meta: { showsErrorInline: true },
    // The answer holds the App Secret: keep no copy of it in the mutation cache.
    gcTime: 0,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: deploymentKeyKeys.list(deploymentId) }),
  });
}

export function useUpdateDeploymentKey(deploymentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateDeploymentKeyRequest & { id: string }) =>
      apiRequest<DeploymentKey>(`/api/console/deployments/${deploymentId}/keys/${id}`, {
        method: 'PUT',
        body,
      }),
    meta: { showsErrorInline: true },
    // Success or a 409 (someone else's edit won): either way the list must show the stored key.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: deploymentKeyKeys.list(deploymentId) }),
  });
}

export function useDeleteDeploymentKey(deploymentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/api/console/deployments/${deploymentId}/keys/${id}`, { method: 'DELETE' }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: deploymentKeyKeys.list(deploymentId) }),
  });
}

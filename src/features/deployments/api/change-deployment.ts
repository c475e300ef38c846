import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deployment } from '@contract/deployments';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

export const setRunState = ({ id, operation }: { id: string; operation: 'start' | 'stop' }) =>
  apiRequest<Deployment>(`/api/console/deployments/${id}/${operation}`, { method: 'POST' });

export function useSetRunState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setRunState,
    onSuccess: (deployment) => {
      queryClient.setQueryData(deploymentKeys.detail(deployment.id), deployment);
      return queryClient.invalidateQueries({ queryKey: [...deploymentKeys.all, 'list'] });
    },
  });
}

export const deleteDeployment = (id: string) =>
  apiRequest<void>(`/api/console/deployments/${id}`, { method: 'DELETE' });

export function useDeleteDeployment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDeployment,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: deploymentKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: [...deploymentKeys.all, 'list'] });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDeploymentRequest, Deployment } from '@contract/deployments';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

export const createDeployment = (input: CreateDeploymentRequest) =>
  apiRequest<Deployment>('/api/console/deployments', { method: 'POST', body: input });

export function useCreateDeployment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDeployment,
    meta: { showsErrorInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deploymentKeys.all }),
  });
}

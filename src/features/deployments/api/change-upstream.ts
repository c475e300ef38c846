import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deployment, UpstreamChangeRequest } from '@contract/deployments';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

export const changeUpstream = ({ id, ...input }: UpstreamChangeRequest & { id: string }) =>
  apiRequest<Deployment>(`/api/console/deployments/${id}/upstream`, { method: 'PUT', body: input });

export function useChangeUpstream() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeUpstream,
    meta: { showsErrorInline: true },
    onSuccess: (deployment) => {
      queryClient.setQueryData(deploymentKeys.detail(deployment.id), deployment);
      return queryClient.invalidateQueries({ queryKey: [...deploymentKeys.all, 'list'] });
    },
  });
}

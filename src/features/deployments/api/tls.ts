import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TlsSummary, TlsUploadRequest } from '@contract/deployments';
import { apiRequest } from '@/lib/api-client';
import { deploymentKeys } from './deployment-keys';

// One resource, three verbs: the deployment's TLS certificate.
export const tlsQueryOptions = (deploymentId: string) =>
  queryOptions({
    queryKey: deploymentKeys.tls(deploymentId),
    queryFn: ({ signal }) =>
      apiRequest<{ certificate: TlsSummary | null }>(
        `/api/console/deployments/${deploymentId}/tls`,
        { signal },
      ).then((body) => body.certificate),
  });

export const useTls = (deploymentId: string) => useQuery(tlsQueryOptions(deploymentId));

export function useSaveTls(deploymentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TlsUploadRequest) =>
      apiRequest<TlsSummary>(`/api/console/deployments/${deploymentId}/tls`, {
        method: 'PUT',
        body: input,
      }),
    meta: { showsErrorInline: true },
    onSuccess: (certificate) =>
      queryClient.setQueryData(deploymentKeys.tls(deploymentId), certificate),
  });
}

export function useDeleteTls(deploymentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<void>(`/api/console/deployments/${deploymentId}/tls`, { method: 'DELETE' }),
    onSuccess: () => queryClient.setQueryData(deploymentKeys.tls(deploymentId), null),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { keyInventoryKeys } from './get-key-inventory';

/**
 * Deletes a key from the inventory, at its deployment's address (`deploymentOf`: the deployment
 * of a listed key, by its id); the inventory reads again after it.
 */
export function useDeleteInventoryKey(deploymentOf: (keyId: string) => string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/api/console/deployments/${deploymentOf(id)}/keys/${id}`, {
        method: 'DELETE',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyInventoryKeys.all }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { TestAccessRequest, TestAccessResult } from '@contract/deployment-keys';
import { apiRequest } from '@/lib/api-client';

/** Asks the server, which answers with the gateway's own matcher, whether grants allow a call. */
export function useTestAccess(deploymentId: string) {
  return useMutation({
    mutationFn: (input: TestAccessRequest) =>
      apiRequest<TestAccessResult>(`/api/console/deployments/${deploymentId}/keys/test-access`, {
        method: 'POST',
        body: input,
      }),
    meta: { showsErrorInline: true },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewedKey } from '@contract/key-review';
import { apiRequest } from '@/lib/api-client';
import { keyReviewKeys } from './key-review';

/** What the review can do to the keys a person selected. */
export type ReviewAction =
  { kind: 'disable' } | { kind: 'delete' } | { kind: 'expire'; expiresAt: string };

/** Where a key is managed: each action is that key's own route, checked and audited there. */
const keyPathOf = (key: Pick<ReviewedKey, 'kind' | 'id' | 'deployment'>) =>
  key.kind === 'platform'
    ? `/api/console/platform-keys/${key.id}`
    : `/api/console/deployments/${key.deployment!.id}/keys/${key.id}`;

function apply(key: ReviewedKey, action: ReviewAction): Promise<unknown> {
  const path = keyPathOf(key);
  if (action.kind === 'delete') return apiRequest<null>(path, { method: 'DELETE' });
  const change = action.kind === 'disable' ? { disabled: true } : { expiresAt: action.expiresAt };
  return apiRequest<unknown>(`${path}/lifecycle`, { method: 'PATCH', body: change });
}

/**
 * Applies one action to every selected key, one request per key (each refused or audited on
 * its own), and says which failed.
 */
export function useReviewAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ keys, action }: { keys: ReviewedKey[]; action: ReviewAction }) => {
      const results = await Promise.allSettled(keys.map((key) => apply(key, action)));
      const failed = keys.filter((_, index) => results[index]!.status === 'rejected');
      const firstError = results.find((result) => result.status === 'rejected');
      return { done: keys.length - failed.length, failed, error: firstError?.reason as unknown };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyReviewKeys.all }),
    meta: { showsErrorInline: true },
  });
}

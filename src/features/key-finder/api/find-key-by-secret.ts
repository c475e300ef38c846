import { useMutation } from '@tanstack/react-query';
import type { FoundKey } from '@contract/key-lifecycle';
import { apiRequest } from '@/lib/api-client';

export const findKeyBySecret = (secret: string) =>
  apiRequest<{ key: FoundKey | null }>('/api/console/keys/find-by-secret', {
    method: 'POST',
    body: { secret },
  }).then((body) => body.key);

/** A mutation, not a query: the secret is sent once and never kept in the query cache. */
export const useFindKeyBySecret = () =>
  useMutation({ mutationFn: findKeyBySecret, meta: { showsErrorInline: true } });

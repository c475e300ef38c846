import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewedKey } from '@contract/key-review';
import { apiRequest } from '@/lib/api-client';

export const keyReviewKeys = { all: ['key-review'] as const };

export const useKeyReview = () =>
  useQuery(
    queryOptions({
      queryKey: keyReviewKeys.all,
      queryFn: ({ signal }) =>
        apiRequest<{ keys: ReviewedKey[] }>('/api/console/key-review', { signal }),
    }),
  );

export function useMarkReviewed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: Pick<ReviewedKey, 'kind' | 'id'>) =>
      apiRequest<null>(`/api/console/key-review/${key.kind}/${key.id}`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyReviewKeys.all }),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Whether the organisation signs in with an OpenID Connect provider (asked before sign-in). */
export const useSsoStatus = () =>
  useQuery(
    queryOptions({
      queryKey: ['auth', 'sso-status'] as const,
      queryFn: ({ signal }) => apiRequest<{ enabled: boolean }>('/api/console/sso', { signal }),
      staleTime: 60_000,
    }),
  );

import { toast } from './toast';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { ERROR_CODES } from '@contract/error-codes';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The caller shows the error itself (a form's alert), so no toast. */
      showsErrorInline?: boolean;
    };
  }
}

/**
 * Server state lives here. A 401 anywhere means the session ended (expired, signed out
 * elsewhere, account disabled): the session query is refreshed so the app falls back to sign-in.
 * Mutation errors toast by default unless the caller renders them.
 */
export function createQueryClient(options: {
  onSessionEnded: (client: QueryClient) => void;
}): QueryClient {
  const sessionEnded = (error: unknown) =>
    error instanceof ApiError && error.status === 401 && error.code === ERROR_CODES.unauthenticated;

  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (sessionEnded(error)) options.onSessionEnded(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (sessionEnded(error)) return options.onSessionEnded(client);
        if (mutation.meta?.showsErrorInline) return;
        toast({ color: 'red', message: error.message });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
          failureCount < 2,
      },
    },
  });
  return client;
}

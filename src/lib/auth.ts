import { createContext, useContext } from 'react';
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { SetupRequest, SetupStatus, SignInRequest } from '@contract/auth';
import type { Session } from '@contract/session';
import type { PasskeyAnswer } from './passkeys';
import { can, type Capability } from '@contract/roles';
import { ApiError, apiRequest } from './api-client';

/**
 * The signed-in session, shared by every feature (so it lives here, below them): who is signed
 * in, with which role, and what that role may do.
 */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  setupStatus: () => [...authKeys.all, 'setup-status'] as const,
};

/** The session, or null when nobody is signed in (a 401 is an answer here, not an error). */
export const sessionQueryOptions = queryOptions({
  queryKey: authKeys.session(),
  queryFn: async ({ signal }): Promise<Session | null> => {
    try {
      return await apiRequest<Session>('/api/console/session', { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const setupStatusQueryOptions = queryOptions({
  queryKey: authKeys.setupStatus(),
  queryFn: ({ signal }) => apiRequest<SetupStatus>('/api/console/setup', { signal }),
  staleTime: Infinity,
});

export const useSession = () => useQuery(sessionQueryOptions);
export const useSetupStatus = () => useQuery(setupStatusQueryOptions);

/**
 * The signed-in session, as the shell was rendered with. Read from context rather than the
 * query: when the session ends, the shell unmounts before anything inside it can see `null`.
 */
export const SignedInSessionContext = createContext<Session | null>(null);

export function useCurrentSession(): Session {
  const session = useContext(SignedInSessionContext);
  if (!session) throw new Error('useCurrentSession outside the signed-in shell');
  return session;
}

export function useCan(capability: Capability): boolean {
  const session = useContext(SignedInSessionContext);
  return session ? can(session.user.role, capability) : false;
}

/**
 * Moves the cache to another session (or to none): everything cached belonged to the previous
 * account and is dropped; the auth queries are updated in place so mounted screens follow.
 */
export function switchSession(queryClient: QueryClient, session: Session | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  if (session) queryClient.setQueryData(authKeys.setupStatus(), { setupRequired: false });
  queryClient.setQueryData(authKeys.session(), session);
}

function useSessionMutation<TInput>(mutationFn: (input: TInput) => Promise<Session>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { showsErrorInline: true },
    onSuccess: (session) => switchSession(queryClient, session),
  });
}

export const useSignIn = () =>
  useSessionMutation((input: SignInRequest) =>
    apiRequest<Session>('/api/console/session', { method: 'POST', body: input }),
  );

/** The second step of a sign-in, after a password the server answered SECOND_FACTOR_REQUIRED. */
export const useSecondFactor = () =>
  useSessionMutation(
    (
      input:
        | { method: 'totp' | 'recovery_code'; code: string }
        | ({ method: 'passkey' } & PasskeyAnswer),
    ) => apiRequest<Session>('/api/console/session/second-factor', { method: 'POST', body: input }),
  );

/** Signing in with a passkey alone: the browser offers this site's passkeys. */
export const usePasskeySignIn = () =>
  useSessionMutation(async () => {
    const { answerWithPasskey } = await import('./passkeys');
    const answer = await answerWithPasskey('/api/console/session/passkey-options');
    return apiRequest<Session>('/api/console/session/passkey', { method: 'POST', body: answer });
  });

export const useSetupOrganization = () =>
  useSessionMutation((input: SetupRequest) =>
    apiRequest<Session>('/api/console/setup', { method: 'POST', body: input }),
  );

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/console/session', { method: 'DELETE' }),
    onSettled: () => switchSession(queryClient, null),
  });
}

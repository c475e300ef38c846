import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountSession,
  Passkey,
  RecoveryCodes,
  SecurityStatus,
  TotpSetup,
} from '@contract/security';
import type { PasskeyAnswer } from '@/lib/passkeys';
import { apiRequest } from '@/lib/api-client';
import { authKeys, useSignOut } from '@/lib/auth';

export const securityKeys = {
  all: ['security'] as const,
  status: () => [...securityKeys.all, 'status'] as const,
  sessions: () => [...securityKeys.all, 'sessions'] as const,
};

export const useSecurityStatus = () =>
  useQuery(
    queryOptions({
      queryKey: securityKeys.status(),
      queryFn: ({ signal }) =>
        apiRequest<SecurityStatus>('/api/console/account/security', { signal }),
    }),
  );

export const useAccountSessions = () =>
  useQuery(
    queryOptions({
      queryKey: securityKeys.sessions(),
      queryFn: ({ signal }) =>
        apiRequest<{ sessions: AccountSession[] }>('/api/console/account/sessions', { signal }),
    }),
  );

/** A change to one's factors: the status, the session (setup may no longer be required) and the
 * session list (other sessions end) are all stale after it. */
function useSecurityMutation<TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { showsErrorInline: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: securityKeys.all }),
        queryClient.invalidateQueries({ queryKey: authKeys.session() }),
      ]),
  });
}

export const useBeginTotp = () =>
  useMutation({
    mutationFn: () => apiRequest<TotpSetup>('/api/console/account/totp', { method: 'POST' }),
    meta: { showsErrorInline: true },
  });

export const useConfirmTotp = () =>
  useSecurityMutation((code: string) =>
    apiRequest<RecoveryCodes>('/api/console/account/totp/confirm', {
      method: 'POST',
      body: { code },
    }),
  );

/** Proof of a factor held now, before changing one's factors: a code, or a passkey's answer. */
export type Proof = { code: string } | PasskeyAnswer;

export const useRemoveTotp = () =>
  useSecurityMutation((proof: Proof) =>
    apiRequest<void>('/api/console/account/totp', { method: 'DELETE', body: proof }),
  );

export const useRegenerateRecoveryCodes = () =>
  useSecurityMutation((proof: Proof) =>
    apiRequest<RecoveryCodes>('/api/console/account/recovery-codes', {
      method: 'POST',
      body: proof,
    }),
  );

export const useAddPasskey = () =>
  useSecurityMutation(async (name: string) => {
    const { registerPasskey } = await import('@/lib/passkeys');
    const answer = await registerPasskey();
    return apiRequest<{ passkey: Passkey; recoveryCodes: string[] | null }>(
      '/api/console/account/passkeys',
      { method: 'POST', body: { ...answer, name } },
    );
  });

export const useRemovePasskey = () =>
  useSecurityMutation(({ id, proof }: { id: string; proof: Proof }) =>
    apiRequest<void>(`/api/console/account/passkeys/${id}`, { method: 'DELETE', body: proof }),
  );

export const useChangePassword = () =>
  useSecurityMutation((input: { currentPassword: string; newPassword: string }) =>
    apiRequest<void>('/api/console/account/password', { method: 'POST', body: input }),
  );

export const useEndSession = () =>
  useSecurityMutation((id: string) =>
    apiRequest<void>(`/api/console/account/sessions/${id}`, { method: 'DELETE' }),
  );

/** Every session, this one included: the browser is signed out too. */
export function useEndAllSessions() {
  const signOut = useSignOut();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/console/account/sessions', { method: 'DELETE' }),
    meta: { showsErrorInline: true },
    onSuccess: () => signOut.mutate(),
  });
}

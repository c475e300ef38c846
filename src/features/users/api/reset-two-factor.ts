import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Root only: clears another account's authenticator app and recovery codes, and signs it out. */
export const useResetTwoFactor = () =>
  useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/api/console/users/${id}/reset-two-factor`, { method: 'POST' }),
  });

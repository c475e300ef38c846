import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, User } from '@contract/users';
import { apiRequest } from '@/lib/api-client';
import { userKeys } from './user-keys';

export const createUser = (input: CreateUserRequest) =>
  apiRequest<User>('/api/console/users', { method: 'POST', body: input });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    meta: { showsErrorInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

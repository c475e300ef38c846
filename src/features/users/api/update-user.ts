import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserRequest, User } from '@contract/users';
import { apiRequest } from '@/lib/api-client';
import { userKeys } from './user-keys';

export const updateUser = ({ id, ...patch }: UpdateUserRequest & { id: string }) =>
  apiRequest<User>(`/api/console/users/${id}`, { method: 'PATCH', body: patch });

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

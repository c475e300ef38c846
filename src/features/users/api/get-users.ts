import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userListSchema } from '@contract/users';
import { apiRequest } from '@/lib/api-client';
import { userKeys } from './user-keys';

export const getUsers = (signal?: AbortSignal) =>
  apiRequest<z.infer<typeof userListSchema>>('/api/console/users', { signal });

export const usersQueryOptions = queryOptions({
  queryKey: userKeys.list(),
  queryFn: ({ signal }) => getUsers(signal).then((body) => body.users),
});

export const useUsers = () => useQuery(usersQueryOptions);

import { queryOptions, useQuery } from '@tanstack/react-query';
import { PROJECT_SCOPED_ROLES } from '@contract/roles';
import type { User } from '@contract/users';
import { apiRequest } from '@/lib/api-client';
import { projectKeys } from './project-keys';

/** Accounts that can be assigned to a project: the enabled project-scoped ones. */
export const assignableAccountsQueryOptions = queryOptions({
  queryKey: projectKeys.assignableAccounts(),
  queryFn: ({ signal }) =>
    apiRequest<{ users: User[] }>('/api/console/users', { signal }).then((body) =>
      body.users.filter((user) => PROJECT_SCOPED_ROLES.includes(user.role) && !user.disabled),
    ),
});

export const useAssignableAccounts = (enabled: boolean) =>
  useQuery({ ...assignableAccountsQueryOptions, enabled });

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Project } from '@contract/projects';
import { apiRequest } from '@/lib/api-client';
import { projectKeys } from './project-keys';

interface Membership {
  projectId: string;
  userId: string;
  assigned: boolean;
}

/** Assigns an account to a project (PUT) or takes it off (DELETE): one resource, two verbs. */
export const setProjectMembership = ({ projectId, userId, assigned }: Membership) =>
  apiRequest<Project>(`/api/console/projects/${projectId}/members/${userId}`, {
    method: assigned ? 'PUT' : 'DELETE',
  });

export function useSetProjectMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setProjectMembership,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
  });
}

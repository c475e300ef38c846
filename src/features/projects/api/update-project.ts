import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Project, UpdateProjectRequest } from '@contract/projects';
import { apiRequest } from '@/lib/api-client';
import { projectKeys } from './project-keys';

export const updateProject = ({ id, ...patch }: UpdateProjectRequest & { id: string }) =>
  apiRequest<Project>(`/api/console/projects/${id}`, { method: 'PATCH', body: patch });

export function useUpdateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProject,
    meta: { showsErrorInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProjectRequest, Project } from '@contract/projects';
import { apiRequest } from '@/lib/api-client';
import { projectKeys } from './project-keys';

export const createProject = (input: CreateProjectRequest) =>
  apiRequest<Project>('/api/console/projects', { method: 'POST', body: input });

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    meta: { showsErrorInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
  });
}

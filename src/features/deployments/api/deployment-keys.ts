export const deploymentKeys = {
  all: ['deployments'] as const,
  list: (search: string) => [...deploymentKeys.all, 'list', { search }] as const,
  detail: (id: string) => [...deploymentKeys.all, 'detail', id] as const,
  tls: (id: string) => [...deploymentKeys.all, 'detail', id, 'tls'] as const,
  projects: () => [...deploymentKeys.all, 'projects'] as const,
};

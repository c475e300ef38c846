export const platformKeyKeys = {
  all: ['platform-keys'] as const,
  list: () => [...platformKeyKeys.all, 'list'] as const,
  one: (id: string) => [...platformKeyKeys.all, 'one', id] as const,
  projects: () => [...platformKeyKeys.all, 'projects'] as const,
  exampleDeployments: () => [...platformKeyKeys.all, 'example-deployments'] as const,
  openApi: () => [...platformKeyKeys.all, 'openapi'] as const,
};

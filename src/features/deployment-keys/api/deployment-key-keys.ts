export const deploymentKeyKeys = {
  all: ['deployment-keys'] as const,
  list: (deploymentId: string) => [...deploymentKeyKeys.all, 'list', deploymentId] as const,
  one: (keyId: string) => [...deploymentKeyKeys.all, 'one', keyId] as const,
};

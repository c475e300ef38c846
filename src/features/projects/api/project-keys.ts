export const projectKeys = {
  all: ['projects'] as const,
  list: () => [...projectKeys.all, 'list'] as const,
  assignableAccounts: () => [...projectKeys.all, 'assignable-accounts'] as const,
};

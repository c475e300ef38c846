import type { TFunction } from 'i18next';

/** "N permissions in M categories", pluralised in the reader's language. */
export function formatPermissionSummary(
  t: TFunction,
  summary: { permissions: number; categories: number },
): string {
  return t('picker.summary', {
    count: summary.permissions,
    categories: t('picker.categoryCount', { count: summary.categories }),
  });
}

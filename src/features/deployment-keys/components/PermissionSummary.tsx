import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { summarize, type IndexedCategory, type Selection } from '../permission-picker-model';
import { formatPermissionSummary } from '../permission-summary';

/** "N permissions in M categories", announced as it changes. */
export function PermissionSummary(props: { categories: IndexedCategory[]; selection: Selection }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" fw={600} aria-live="polite" role="status">
      {formatPermissionSummary(t, summarize(props.categories, props.selection))}
    </Text>
  );
}

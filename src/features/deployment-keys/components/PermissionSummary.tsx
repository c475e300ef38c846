import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HTTP_METHODS } from '@contract/endpoint-catalog';
import {
  summarize,
  summarizeMethods,
  type IndexedCategory,
  type Selection,
} from '../permission-picker-model';
import { formatPermissionSummary } from '../permission-summary';

/**
 * "N permissions in M categories" and how many of each method, announced as it changes, with a
 * warning where a whole category's POSTs or DELETEs are granted.
 */
export function PermissionSummary(props: { categories: IndexedCategory[]; selection: Selection }) {
  const { t } = useTranslation();
  const { counts, wholesale } = summarizeMethods(props.categories, props.selection);
  const perMethod = HTTP_METHODS.filter((method) => counts[method])
    .map((method) => `${method} ${counts[method]}`)
    .join(' · ');
  return (
    <Stack gap={0} aria-live="polite" role="status">
      <Text size="sm" fw={600}>
        {formatPermissionSummary(t, summarize(props.categories, props.selection))}
        {perMethod && (
          <Text span size="sm" fw={400} c="dimmed">
            {' '}
            ({perMethod})
          </Text>
        )}
      </Text>
      {wholesale.length > 0 && (
        // A word and a sign, not colour alone, in the text's own colour (legible in both schemes).
        <Text size="xs" fw={600}>
          {'⚠ '}
          {t('picker.wholesale', {
            list: wholesale
              .map((entry) =>
                t('picker.wholesaleEntry', { method: entry.method, category: entry.category }),
              )
              .join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@contract/endpoint-catalog';
import { accessInWords, METHOD_WORDS } from '../access-in-words';
import type { IndexedCategory } from '../permission-picker-model';

/**
 * A key's access as a person says it, a category per line ("Clients: read, delete"): all of it on
 * the key's page; the first `shown` and how many more in a list row, which has one line to spare.
 */
export function AccessInWords(props: {
  categories: IndexedCategory[];
  permissions: Permission[];
  shown?: number;
}) {
  const { t } = useTranslation();
  const lines = accessInWords(props.categories, props.permissions);
  const shown = props.shown === undefined ? lines : lines.slice(0, props.shown);
  return (
    <>
      {shown.map((line) => (
        <Text key={line.category} size="sm">
          <Text span fw={600}>
            {line.category}
          </Text>
          {': '}
          {line.methods
            .map((method) => t(`deploymentKeyPage.method.${METHOD_WORDS[method]}`))
            .join(', ')}
        </Text>
      ))}
      {lines.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('deploymentKeyPage.moreCategories', { count: lines.length - shown.length })}
        </Text>
      )}
    </>
  );
}

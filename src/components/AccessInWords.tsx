import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EndpointCatalog, Permission } from '@contract/endpoint-catalog';
import { accessInWords, METHOD_WORDS } from '@/lib/access-in-words';

/**
 * A Deployment API Key's access as a person says it, a category per line ("Clients: read,
 * delete"): all of it on the key's page; the first `shown` and how many more in a list row.
 */
export function AccessInWords(props: {
  catalog: EndpointCatalog;
  permissions: Permission[];
  shown?: number;
}) {
  const { t } = useTranslation();
  const lines = accessInWords(props.catalog, props.permissions);
  const shown = props.shown === undefined ? lines : lines.slice(0, props.shown);
  return (
    <>
      {shown.map((line) => (
        <Text key={line.category} size="sm">
          <Text span fw={600}>
            {line.category}
          </Text>
          {': '}
          {line.methods.map((method) => t(`accessWords.method.${METHOD_WORDS[method]}`)).join(', ')}
        </Text>
      ))}
      {lines.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('accessWords.moreCategories', { count: lines.length - shown.length })}
        </Text>
      )}
    </>
  );
}

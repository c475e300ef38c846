import { Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyAction } from './CopyAction';

/** "API endpoint": where clients call with the keys listed below, and how they authenticate. */
export function ApiEndpoint({ url, auth }: { url: string; auth: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('apiEndpoint.label')}
        </Text>
        <Code aria-label={t('apiEndpoint.label')}>{url}</Code>
        <CopyAction value={url} what={t('apiEndpoint.label')} />
      </Group>
      <Text size="xs" c="dimmed">
        {auth}
      </Text>
    </div>
  );
}

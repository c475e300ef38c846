import { Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyAction } from './CopyAction';

/** "API endpoint": where clients call with the keys listed below, and how they authenticate. */
export function ApiEndpoint({ url, auth }: { url: string; auth: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('apiEndpoint.label')}
        </Text>
        {/* Long URLs break anywhere on a narrow screen rather than push the Copy button out. */}
        <Code aria-label={t('apiEndpoint.label')} style={{ overflowWrap: 'anywhere' }}>
          {url}
        </Code>
        <CopyAction value={url} what={t('apiEndpoint.label')} />
      </Group>
      <Text size="xs" c="dimmed">
        {auth}
      </Text>
    </div>
  );
}

import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { FindKeyBySecret } from './FindKeyBySecret';

/** Incident response, one click from the navigation: which key a leaked secret belongs to. */
export function KeyFinderPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('keyFinder.title')} />
      <Text size="sm" maw={720} mb="md">
        {t('keyFinder.intro')}
      </Text>
      <Card withBorder>
        <FindKeyBySecret />
      </Card>
    </>
  );
}

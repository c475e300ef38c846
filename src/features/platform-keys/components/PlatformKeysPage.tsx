import { EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';

// Placeholder route: reachable and access-checked now; key management comes with its issue.
export function PlatformKeysPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('platformKeys.title')} />
      <EmptyState title={t('platformKeys.emptyTitle')} description={t('platformKeys.emptyDescription')} />
    </>
  );
}

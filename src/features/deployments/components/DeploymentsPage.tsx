import { EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';

// The deployment registry arrives with its own issue; until then the page says so plainly.
export function DeploymentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('deployments.title')} />
      <EmptyState title={t('deployments.emptyTitle')} description={t('deployments.emptyDescription')} />
    </>
  );
}

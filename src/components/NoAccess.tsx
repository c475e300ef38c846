import { Button, EmptyState } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** What an address shows to a role that may not use it: a clear page, never a blank or a crash. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="xl"
      title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('noAccess.title')}</h1>}
      description={t('noAccess.description')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/deployments" variant="default">
          {t('noAccess.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

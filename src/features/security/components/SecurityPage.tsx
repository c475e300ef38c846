import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useCurrentSession } from '@/lib/auth';
import { useSecurityStatus } from '../api/security-api';
import { SessionsCard } from './SessionsCard';
import { TwoFactorCard } from './TwoFactorCard';

const ChangePasswordDialog = lazy(() =>
  import('./ChangePasswordDialog').then((m) => ({ default: m.ChangePasswordDialog })),
);

/** Every signed-in account's own security: its second factor and its sessions. */
export function SecurityPage() {
  const { t } = useTranslation();
  const status = useSecurityStatus();
  // Sent here to set up a required factor: nothing else works until then.
  const settingUp = useCurrentSession().twoFactorSetupRequired;
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <>
      <PageHeader title={t('security.title')} />
      <Stack>
        <Card withBorder component="section" aria-labelledby="two-factor-heading">
          <Title order={2} size="h4" id="two-factor-heading" mb="sm">
            {t('security.twoFactor')}
          </Title>
          {status.isPending && <PageLoader />}
          {status.isError && (
            <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
          )}
          {status.isSuccess && <TwoFactorCard status={status.data} />}
        </Card>
        {!settingUp && (
          <Card withBorder component="section" aria-labelledby="password-heading">
            <Title order={2} size="h4" id="password-heading" mb="sm">
              {t('security.password')}
            </Title>
            <Group justify="space-between">
              <Text size="sm">{t('security.passwordHint')}</Text>
              <Button variant="default" onClick={() => setChangingPassword(true)}>
                {t('security.changePassword')}
              </Button>
            </Group>
            <Suspense>
              {changingPassword && (
                <ChangePasswordDialog onClose={() => setChangingPassword(false)} />
              )}
            </Suspense>
          </Card>
        )}
        {!settingUp && (
          <Card withBorder component="section" aria-labelledby="sessions-heading">
            <Title order={2} size="h4" id="sessions-heading" mb="sm">
              {t('security.sessions')}
            </Title>
            <SessionsCard />
          </Card>
        )}
      </Stack>
    </>
  );
}

import { Button, Group, Stack, Text } from '@mantine/core';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { SectionCard } from '@/components/SectionCard';
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
        <SectionCard title={t('security.twoFactor')} query={status}>
          {(data) => <TwoFactorCard status={data} />}
        </SectionCard>
        {!settingUp && (
          <SectionCard title={t('security.password')}>
            <Group justify="space-between">
              <Text size="sm">{t('security.passwordHint')}</Text>
              <Button variant="default" onClick={() => setChangingPassword(true)}>
                {t('security.changePassword')}
              </Button>
            </Group>
            {changingPassword && (
              <ChangePasswordDialog onClose={() => setChangingPassword(false)} />
            )}
          </SectionCard>
        )}
        {!settingUp && (
          <SectionCard title={t('security.sessions')}>
            <SessionsCard />
          </SectionCard>
        )}
      </Stack>
    </>
  );
}

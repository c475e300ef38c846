import { Stack } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { SectionCard } from '@/components/SectionCard';
import { useKeyPolicy } from '@/lib/key-lifecycle-api';
import { useSsoSettings } from '../api/sso-settings';
import { useTwoFactorPolicy } from '../api/two-factor-policy';

// Each card's form loads just after the page paints its titles.
const KeyPolicyForm = lazy(() =>
  import('./KeyPolicyForm').then((m) => ({ default: m.KeyPolicyForm })),
);
const SsoSettingsForm = lazy(() =>
  import('./SsoSettingsForm').then((m) => ({ default: m.SsoSettingsForm })),
);
const TwoFactorPolicyForm = lazy(() =>
  import('./TwoFactorPolicyForm').then((m) => ({ default: m.TwoFactorPolicyForm })),
);

/** Organisation settings (Root and Administrators): the key and two-factor policies and single sign-on. */
export function SettingsPage() {
  const { t } = useTranslation();
  const policy = useKeyPolicy();
  const twoFactor = useTwoFactorPolicy();
  const sso = useSsoSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Stack>
        <SectionCard title={t('settings.keyPolicy')} query={policy}>
          {(data) => <KeyPolicyForm policy={data} />}
        </SectionCard>
        <SectionCard title={t('twoFactorPolicy.title')} query={twoFactor}>
          {(data) => <TwoFactorPolicyForm policy={data.policy} />}
        </SectionCard>
        <SectionCard title={t('sso.title')} query={sso}>
          {/* A new form when the settings are saved or removed elsewhere. */}
          {(data) => <SsoSettingsForm key={JSON.stringify(data)} settings={data} />}
        </SectionCard>
      </Stack>
    </>
  );
}

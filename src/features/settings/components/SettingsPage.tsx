import { Card, Stack, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useKeyPolicy } from '@/lib/key-lifecycle-api';
import { useSsoSettings } from '../api/sso-settings';
import { useTwoFactorPolicy } from '../api/two-factor-policy';
import { KeyPolicyForm } from './KeyPolicyForm';

// The later cards (and the key actions they offer) load just after the page.
const SsoSettingsForm = lazy(() =>
  import('./SsoSettingsForm').then((m) => ({ default: m.SsoSettingsForm })),
);
const TwoFactorPolicyForm = lazy(() =>
  import('./TwoFactorPolicyForm').then((m) => ({ default: m.TwoFactorPolicyForm })),
);
const FindKeyBySecret = lazy(() =>
  import('./FindKeyBySecret').then((m) => ({ default: m.FindKeyBySecret })),
);

/** Organisation settings (Root and Administrators): the key and two-factor policies, and finding a leaked key. */
export function SettingsPage() {
  const { t } = useTranslation();
  const policy = useKeyPolicy();
  const twoFactor = useTwoFactorPolicy();
  const sso = useSsoSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Stack>
        <Card withBorder component="section" aria-labelledby="key-policy-heading">
          <Title order={2} size="h4" id="key-policy-heading" mb="sm">
            {t('settings.keyPolicy')}
          </Title>
          {policy.isPending && <PageLoader />}
          {policy.isError && (
            <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />
          )}
          {policy.isSuccess && <KeyPolicyForm policy={policy.data} />}
        </Card>
        <Card withBorder component="section" aria-labelledby="two-factor-policy-heading">
          <Title order={2} size="h4" id="two-factor-policy-heading" mb="sm">
            {t('twoFactorPolicy.title')}
          </Title>
          {twoFactor.isPending && <PageLoader />}
          {twoFactor.isError && (
            <ErrorAlert error={twoFactor.error} onRetry={() => void twoFactor.refetch()} />
          )}
          {twoFactor.isSuccess && (
            <Suspense>
              <TwoFactorPolicyForm policy={twoFactor.data.policy} />
            </Suspense>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="sso-heading">
          <Title order={2} size="h4" id="sso-heading" mb="sm">
            {t('sso.title')}
          </Title>
          {sso.isPending && <PageLoader />}
          {sso.isError && <ErrorAlert error={sso.error} onRetry={() => void sso.refetch()} />}
          {sso.isSuccess && (
            <Suspense>
              {/* A new form when the settings are saved or removed elsewhere. */}
              <SsoSettingsForm key={JSON.stringify(sso.data)} settings={sso.data} />
            </Suspense>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="find-key-heading">
          <Title order={2} size="h4" id="find-key-heading" mb="sm">
            {t('settings.findTitle')}
          </Title>
          <Suspense>
            <FindKeyBySecret />
          </Suspense>
        </Card>
      </Stack>
    </>
  );
}

import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityStatus } from '@contract/security';
import { toast } from '@/lib/toast';
import { useRegenerateRecoveryCodes, useRemoveTotp } from '../api/security-api';

// The dialogs load when one first opens.
const TotpSetupDialog = lazy(() =>
  import('./TotpSetupDialog').then((m) => ({ default: m.TotpSetupDialog })),
);
const CodePromptDialog = lazy(() =>
  import('./CodePromptDialog').then((m) => ({ default: m.CodePromptDialog })),
);
const RecoveryCodesDialog = lazy(() =>
  import('./RecoveryCodesView').then((m) => ({ default: m.RecoveryCodesDialog })),
);

type Open = 'setup' | 'regenerate' | 'remove' | null;

/** The account's second factor: set it up, renew its recovery codes, or remove it. */
export function TwoFactorCard({ status }: { status: SecurityStatus }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const regenerate = useRegenerateRecoveryCodes();
  const remove = useRemoveTotp();
  const close = () => {
    setOpen(null);
    regenerate.reset();
    remove.reset();
  };

  return (
    <Stack>
      {status.required && !status.totp && (
        <Alert color="orange" variant="light" role="status">
          {t('security.requiredNotice')}
        </Alert>
      )}
      {status.totp ? (
        <Group justify="space-between">
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={500}>{t('security.appOn')}</Text>
              <Badge color="green" variant="light">
                {t('security.on')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('security.recoveryLeft', { count: status.recoveryCodesLeft })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button variant="default" onClick={() => setOpen('regenerate')}>
              {t('security.regenerate')}
            </Button>
            {!status.required && (
              <Button variant="light" color="red" onClick={() => setOpen('remove')}>
                {t('security.remove')}
              </Button>
            )}
          </Group>
        </Group>
      ) : (
        <Group justify="space-between">
          <Text size="sm">{t('security.notSetUp')}</Text>
          <Button onClick={() => setOpen('setup')}>{t('security.setUp')}</Button>
        </Group>
      )}
      <Suspense>
        {open === 'setup' && <TotpSetupDialog onClose={close} />}
        {open === 'regenerate' &&
          (regenerate.data ? (
            <RecoveryCodesDialog codes={regenerate.data.codes} onClose={close} />
          ) : (
            <CodePromptDialog
              title={t('security.regenerate')}
              hint={t('security.regenerateHint')}
              label={t('security.code')}
              submitLabel={t('security.regenerate')}
              pending={regenerate.isPending}
              error={regenerate.error}
              onSubmit={(code) => regenerate.mutate(code)}
              onClose={close}
            />
          ))}
        {open === 'remove' && (
          <CodePromptDialog
            title={t('security.remove')}
            hint={t('security.removeHint')}
            label={t('security.confirmCode')}
            submitLabel={t('security.remove')}
            pending={remove.isPending}
            error={remove.error}
            onSubmit={(code) =>
              remove.mutate(code, {
                onSuccess: () => {
                  close();
                  toast({ color: 'green', message: t('security.removed') });
                },
              })
            }
            onClose={close}
          />
        )}
      </Suspense>
    </Stack>
  );
}

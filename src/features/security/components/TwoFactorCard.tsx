import { Alert, Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Passkey, SecurityStatus } from '@contract/security';
import { useFormatters } from '@/lib/format';
import { toast } from '@/lib/toast';
import { useRegenerateRecoveryCodes, useRemovePasskey, useRemoveTotp } from '../api/security-api';

// The dialogs load when one first opens.
const TotpSetupDialog = lazy(() =>
  import('./TotpSetupDialog').then((m) => ({ default: m.TotpSetupDialog })),
);
const AddPasskeyDialog = lazy(() =>
  import('./AddPasskeyDialog').then((m) => ({ default: m.AddPasskeyDialog })),
);
const CodePromptDialog = lazy(() =>
  import('./CodePromptDialog').then((m) => ({ default: m.CodePromptDialog })),
);
const RecoveryCodesDialog = lazy(() =>
  import('./RecoveryCodesView').then((m) => ({ default: m.RecoveryCodesDialog })),
);

type Open =
  | { kind: 'setup' | 'add-passkey' | 'regenerate' | 'remove-app' }
  | { kind: 'remove-passkey'; passkey: Passkey }
  | null;

/** The account's second factors: an authenticator app, passkeys, and the recovery codes. */
export function TwoFactorCard({ status }: { status: SecurityStatus }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [open, setOpen] = useState<Open>(null);
  const regenerate = useRegenerateRecoveryCodes();
  const removeApp = useRemoveTotp();
  const removePasskey = useRemovePasskey();
  const hasPasskey = status.passkeys.length > 0;
  const anyFactor = status.totp || hasPasskey;
  // Where the organisation requires a factor, the last one stays.
  const lastRequired = status.required && Number(status.totp) + status.passkeys.length <= 1;
  const close = () => {
    setOpen(null);
    regenerate.reset();
    removeApp.reset();
    removePasskey.reset();
  };
  const removed = () => {
    close();
    toast({ color: 'green', message: t('security.removed') });
  };

  return (
    <Stack>
      {status.required && !anyFactor && (
        <Alert color="orange" variant="light" role="status">
          {t('security.requiredNotice')}
        </Alert>
      )}
      {!anyFactor && <Text size="sm">{t('security.notSetUp')}</Text>}

      <Group justify="space-between">
        <Stack gap={0}>
          <Group gap="xs">
            <Text fw={500}>{t('security.appOn')}</Text>
            {status.totp && (
              <Badge color="green" variant="light">
                {t('security.on')}
              </Badge>
            )}
          </Group>
          {status.totpAddedAt && (
            <Text size="xs" c="dimmed">
              {t('security.addedFacts', {
                added: dateTime(status.totpAddedAt),
                from: status.totpAddedFrom ?? t('security.unknownAddress'),
              })}
            </Text>
          )}
        </Stack>
        {status.totp ? (
          !lastRequired && (
            <Button variant="light" color="red" onClick={() => setOpen({ kind: 'remove-app' })}>
              {t('security.remove')}
            </Button>
          )
        ) : (
          <Button onClick={() => setOpen({ kind: 'setup' })}>{t('security.setUp')}</Button>
        )}
      </Group>

      <Divider />
      <Group justify="space-between">
        <Stack gap={2}>
          <Text fw={500}>{t('security.passkeys')}</Text>
          <Text size="sm" c="dimmed">
            {t('security.passkeysHint')}
          </Text>
        </Stack>
        <Button
          variant={hasPasskey ? 'default' : 'filled'}
          onClick={() => setOpen({ kind: 'add-passkey' })}
        >
          {t('security.addPasskey')}
        </Button>
      </Group>
      {hasPasskey && (
        <Stack gap="xs" role="list" aria-label={t('security.passkeys')}>
          {status.passkeys.map((passkey) => (
            <Group key={passkey.id} justify="space-between" role="listitem">
              <Stack gap={0}>
                <Text>{passkey.name}</Text>
                <Text size="xs" c="dimmed">
                  {t('security.passkeyFacts', {
                    added: dateTime(passkey.createdAt),
                    from: passkey.createdFrom ?? t('security.unknownAddress'),
                    used: passkey.lastUsedAt ? dateTime(passkey.lastUsedAt) : t('security.never'),
                  })}
                </Text>
              </Stack>
              {!lastRequired && (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  aria-label={t('security.removePasskey', { name: passkey.name })}
                  onClick={() => setOpen({ kind: 'remove-passkey', passkey })}
                >
                  {t('common.remove')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}

      {anyFactor && (
        <>
          <Divider />
          <Group justify="space-between">
            <Text size="sm">{t('security.recoveryLeft', { count: status.recoveryCodesLeft })}</Text>
            <Button variant="default" onClick={() => setOpen({ kind: 'regenerate' })}>
              {t('security.regenerate')}
            </Button>
          </Group>
        </>
      )}

      <Suspense>
        {open?.kind === 'setup' && <TotpSetupDialog onClose={close} />}
        {open?.kind === 'add-passkey' && <AddPasskeyDialog onClose={close} />}
        {open?.kind === 'regenerate' &&
          (regenerate.data ? (
            <RecoveryCodesDialog codes={regenerate.data.codes} onClose={close} />
          ) : (
            <CodePromptDialog
              title={t('security.regenerate')}
              hint={t('security.regenerateHint')}
              label={t('security.code')}
              submitLabel={t('security.regenerate')}
              passkey={hasPasskey}
              pending={regenerate.isPending}
              error={regenerate.error}
              onSubmit={(proof) => regenerate.mutate(proof)}
              onClose={close}
            />
          ))}
        {open?.kind === 'remove-app' && (
          <CodePromptDialog
            title={t('security.remove')}
            hint={t('security.removeHint')}
            label={t('security.confirmCode')}
            submitLabel={t('security.remove')}
            passkey={hasPasskey}
            pending={removeApp.isPending}
            error={removeApp.error}
            onSubmit={(proof) => removeApp.mutate(proof, { onSuccess: removed })}
            onClose={close}
          />
        )}
        {open?.kind === 'remove-passkey' && (
          <CodePromptDialog
            title={t('security.removePasskey', { name: open.passkey.name })}
            hint={t('security.removePasskeyHint')}
            label={t('security.confirmCode')}
            submitLabel={t('common.remove')}
            passkey={hasPasskey}
            pending={removePasskey.isPending}
            error={removePasskey.error}
            onSubmit={(proof) =>
              removePasskey.mutate({ id: open.passkey.id, proof }, { onSuccess: removed })
            }
            onClose={close}
          />
        )}
      </Suspense>
    </Stack>
  );
}

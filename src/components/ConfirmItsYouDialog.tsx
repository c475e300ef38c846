import { Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReauthenticationStatus } from '@contract/security';
import { apiRequest } from '@/lib/api-client';
import { usePasskeyPrompt } from '@/lib/use-passkey-prompt';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorAlert } from './ErrorAlert';

const STATUS_PATH = '/api/console/account/reauthentication';
const APP_CODE = /^\s*\d{3}\s?\d{3}\s*$/;

type Answer =
  | { method: 'password'; password: string }
  | { method: 'totp' | 'recovery_code'; code: string }
  | { method: 'passkey'; challengeId: string; response: unknown };

/** Asks for proof it is the person (see ConfirmItsYouHost), then resolves through `onConfirmed`. */
export function ConfirmItsYouDialog(props: { onConfirmed: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: ['security', 'reauthentication'],
    queryFn: ({ signal }) => apiRequest<ReauthenticationStatus>(STATUS_PATH, { signal }),
    staleTime: 0,
  });
  const confirm = useMutation({
    mutationFn: (answer: Answer) =>
      apiRequest<ReauthenticationStatus>(STATUS_PATH, { method: 'POST', body: answer }),
    meta: { showsErrorInline: true },
    onSuccess: props.onConfirmed,
  });
  const passkey = usePasskeyPrompt('/api/console/account/reauthentication-options', (answer) =>
    confirm.mutate({ method: 'passkey', ...answer }),
  );
  const methods = status.data?.methods ?? [];
  const hasPassword = methods.includes('password');
  const hasCode = methods.includes('totp') || methods.includes('recovery_code');
  const [useCode, setUseCode] = useState(false);
  const [secret, setSecret] = useState('');
  const showCode = hasCode && (useCode || !hasPassword);
  const SecretInput = showCode ? TextInput : PasswordInput;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (secret.trim() === '') return;
    if (!showCode) confirm.mutate({ method: 'password', password: secret });
    else
      confirm.mutate({
        method:
          APP_CODE.test(secret) || !methods.includes('recovery_code') ? 'totp' : 'recovery_code',
        code: secret,
      });
  };
  const returnTo = `${window.location.pathname}${window.location.search}`;
  const error = confirm.error ?? passkey.error ?? status.error;

  return (
    <Dialog opened onClose={props.onCancel} title={t('reauth.title')}>
      <Stack>
        <Text size="sm">{t('reauth.hint')}</Text>
        {error ? <ErrorAlert error={error} /> : null}
        {methods.includes('passkey') && (
          <>
            <Button variant="default" onClick={passkey.ask}>
              {t('reauth.usePasskey')}
            </Button>
            <Divider label={t('reauth.or')} />
          </>
        )}
        {(hasPassword || hasCode) && (
          <form noValidate onSubmit={submit}>
            <Stack>
              <SecretInput
                key={showCode ? 'code' : 'password'}
                label={showCode ? t('reauth.code') : t('reauth.password')}
                description={showCode ? t('reauth.codeHint') : undefined}
                required
                data-autofocus
                autoComplete={showCode ? 'one-time-code' : 'current-password'}
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
              />
              {hasPassword && hasCode && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => {
                    setUseCode(!showCode);
                    setSecret('');
                  }}
                >
                  {showCode ? t('reauth.usePassword') : t('reauth.useCode')}
                </Button>
              )}
              <DialogActions
                submitLabel={t('reauth.confirm')}
                pending={confirm.isPending}
                onCancel={props.onCancel}
              />
            </Stack>
          </form>
        )}
        {methods.includes('sso') && (
          <Button
            component="a"
            variant="default"
            href={`/api/console/sso/reauthenticate?return=${encodeURIComponent(returnTo)}`}
          >
            {t('reauth.withSso')}
          </Button>
        )}
      </Stack>
    </Dialog>
  );
}

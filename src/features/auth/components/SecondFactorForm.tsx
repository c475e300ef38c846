import { Anchor, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondFactorMethod } from '@contract/security-codes';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useSecondFactor } from '@/lib/auth';
import { usePasskeyPrompt } from '@/lib/use-passkey-prompt';

/** The second step of a sign-in: a passkey, a code from the authenticator app, or a recovery code. */
export function SecondFactorForm(props: {
  methods: SecondFactorMethod[];
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const verify = useSecondFactor();
  const hasApp = props.methods.includes('totp');
  const [method, setMethod] = useState<'totp' | 'recovery_code'>(hasApp ? 'totp' : 'recovery_code');
  const [code, setCode] = useState('');
  const app = method === 'totp';
  const passkey = usePasskeyPrompt('/api/console/session/passkey-options', (answer) =>
    verify.mutate({ method: 'passkey', ...answer }),
  );
  const error = verify.error ?? passkey.error;
  return (
    <Stack>
      {error ? <ErrorAlert error={error} /> : null}
      {props.methods.includes('passkey') && (
        <>
          <Button
            variant="filled"
            onClick={() => {
              verify.reset();
              passkey.ask();
            }}
          >
            {t('signIn.usePasskey')}
          </Button>
          <Divider label={t('signIn.or')} />
        </>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim() !== '') verify.mutate({ method, code });
        }}
      >
        <Stack>
          <Text size="sm">{app ? t('signIn.codeHint') : t('signIn.recoveryHint')}</Text>
          <TextInput
            key={method}
            label={app ? t('signIn.codeLabel') : t('signIn.recoveryLabel')}
            required
            autoComplete="one-time-code"
            inputMode={app ? 'numeric' : 'text'}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <Button
            type="submit"
            variant={props.methods.includes('passkey') ? 'default' : 'filled'}
            loading={verify.isPending}
          >
            {t('signIn.verify')}
          </Button>
          <Group justify="space-between">
            {hasApp ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setMethod(app ? 'recovery_code' : 'totp');
                  setCode('');
                  verify.reset();
                }}
              >
                {app ? t('signIn.useRecovery') : t('signIn.useApp')}
              </Anchor>
            ) : (
              <span />
            )}
            <Anchor component="button" type="button" size="sm" onClick={props.onStartOver}>
              {t('signIn.startOver')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

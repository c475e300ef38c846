import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondFactorMethod } from '@contract/security-codes';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useSecondFactor } from '@/lib/auth';

/** The second step of a sign-in: a code from the authenticator app, or a recovery code. */
export function SecondFactorForm({ onStartOver }: { onStartOver: () => void }) {
  const { t } = useTranslation();
  const verify = useSecondFactor();
  const [method, setMethod] = useState<SecondFactorMethod>('totp');
  const [code, setCode] = useState('');
  const app = method === 'totp';
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (code.trim() !== '') verify.mutate({ method, code });
      }}
    >
      <Stack>
        <Text size="sm">{app ? t('signIn.codeHint') : t('signIn.recoveryHint')}</Text>
        {verify.error && <ErrorAlert error={verify.error} />}
        <TextInput
          key={method}
          label={app ? t('signIn.codeLabel') : t('signIn.recoveryLabel')}
          required
          autoComplete="one-time-code"
          inputMode={app ? 'numeric' : 'text'}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={verify.isPending}>
          {t('signIn.verify')}
        </Button>
        <Group justify="space-between">
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
          <Anchor component="button" type="button" size="sm" onClick={onStartOver}>
            {t('signIn.startOver')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

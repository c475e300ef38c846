import { Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { usePasskeyPrompt } from '@/lib/use-passkey-prompt';
import type { Proof } from '../api/security-api';

/** Asks for proof of a factor held now (a current code, or a passkey) before a change to one's factors. */
export function CodePromptDialog(props: {
  title: string;
  hint: string;
  label: string;
  submitLabel: string;
  /** Offer "Use a passkey" (the account has one). */
  passkey: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (proof: Proof) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const passkey = usePasskeyPrompt('/api/console/account/reauthentication-options', props.onSubmit);
  const error = props.error ?? passkey.error;
  return (
    <Dialog opened onClose={props.onClose} title={props.title}>
      <Stack>
        <Text size="sm">{props.hint}</Text>
        {error ? <ErrorAlert error={error} /> : null}
        {props.passkey && (
          <>
            <Button variant="default" onClick={passkey.ask}>
              {t('security.usePasskey')}
            </Button>
            <Divider label={t('signIn.or')} />
          </>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (code.trim() !== '') props.onSubmit({ code });
          }}
        >
          <Stack>
            <TextInput
              label={props.label}
              required
              data-autofocus
              autoComplete="one-time-code"
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <DialogActions
              submitLabel={props.submitLabel}
              pending={props.pending}
              onCancel={props.onClose}
            />
          </Stack>
        </form>
      </Stack>
    </Dialog>
  );
}

import { Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';

/** Asks for a current code before a change to one's own factors. */
export function CodePromptDialog(props: {
  title: string;
  hint: string;
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <Dialog opened onClose={props.onClose} title={props.title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim() !== '') props.onSubmit(code);
        }}
      >
        <Stack>
          <Text size="sm">{props.hint}</Text>
          {props.error ? <ErrorAlert error={props.error} /> : null}
          <TextInput
            label={props.label}
            required
            data-autofocus
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <DialogActions
            submitLabel={props.submitLabel || t('security.continue')}
            pending={props.pending}
            onCancel={props.onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

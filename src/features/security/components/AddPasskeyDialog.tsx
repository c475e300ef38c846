import { Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { toast } from '@/lib/toast';
import { useAddPasskey } from '../api/security-api';
import { RecoveryCodesView } from './RecoveryCodesView';

/** Names a new passkey, lets the browser create it, and shows recovery codes if it is the first factor. */
export function AddPasskeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddPasskey();
  const [name, setName] = useState<string>(t('security.passkeyDefaultName'));
  const codes = add.data?.recoveryCodes;
  return (
    <Dialog
      opened
      onClose={onClose}
      title={codes ? t('security.codesTitle') : t('security.addPasskey')}
      size={codes ? 'lg' : 'md'}
    >
      {codes ? (
        <RecoveryCodesView codes={codes} onDone={onClose} />
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() === '') return;
            add.mutate(name.trim(), {
              onSuccess: (added) => {
                if (added.recoveryCodes) return;
                toast({
                  color: 'green',
                  message: t('security.passkeyAdded', { name: added.passkey.name }),
                });
                onClose();
              },
            });
          }}
        >
          <Stack>
            <Text size="sm">{t('security.addPasskeyHint')}</Text>
            {add.error && <ErrorAlert error={add.error} />}
            <TextInput
              label={t('security.passkeyName')}
              required
              maxLength={64}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <DialogActions
              submitLabel={t('security.addPasskey')}
              pending={add.isPending}
              onCancel={onClose}
            />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}

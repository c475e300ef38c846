import { PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import { ErrorAlert } from '@/components/ErrorAlert';
import { toast } from '@/lib/toast';
import { useChangePassword } from '../api/security-api';

/** A new password, on the current one; the server ends the account's other sessions. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const mismatch = repeated !== '' && repeated !== newPassword;
  return (
    <Dialog opened onClose={onClose} title={t('security.changePassword')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (mismatch || !currentPassword || !newPassword) return;
          change.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                toast({ color: 'green', message: t('security.passwordChanged') });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('security.changePasswordHint')}</Text>
          {change.error && <ErrorAlert error={change.error} />}
          <PasswordInput
            label={t('security.currentPassword')}
            required
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('security.newPassword')}
            description={t('security.newPasswordHint')}
            required
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('security.repeatPassword')}
            required
            autoComplete="new-password"
            error={mismatch ? t('security.passwordsDiffer') : undefined}
            value={repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
          />
          <DialogActions
            submitLabel={t('security.changePassword')}
            pending={change.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { toast } from '@/lib/toast';
import { useTranslation } from 'react-i18next';
import type { User } from '@contract/users';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useCan } from '@/lib/auth';
import { useResetTwoFactor } from '../api/reset-two-factor';
import { useDeleteUser } from '../api/delete-user';
import { useUpdateUser } from '../api/update-user';

export function UserRowActions({ user, name }: { user: User; name: string }) {
  const { t } = useTranslation();
  const updateUser = useUpdateUser();
  const deleteUser = useDeleteUser();
  const [confirming, confirm] = useDisclosure(false);
  const mayReset = useCan('resetTwoFactor') && user.role !== 'root';
  const resetTwoFactor = useResetTwoFactor();
  const [confirmingReset, confirmReset] = useDisclosure(false);

  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={t('users.actionsFor', { name })}>
      <Button
        size="xs"
        variant="default"
        loading={updateUser.isPending}
        aria-label={`${user.disabled ? t('users.enable') : t('users.disable')} ${name}`}
        onClick={() => updateUser.mutate({ id: user.id, disabled: !user.disabled })}
      >
        {user.disabled ? t('users.enable') : t('users.disable')}
      </Button>
      {mayReset && (
        <Button
          size="xs"
          variant="default"
          aria-label={`${t('users.resetTwoFactor')} ${name}`}
          onClick={confirmReset.open}
        >
          {t('users.resetTwoFactor')}
        </Button>
      )}
      <Button
        size="xs"
        variant="light"
        color="red"
        aria-label={`${t('common.remove')} ${name}`}
        onClick={confirm.open}
      >
        {t('common.remove')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('users.removeTitle')}
        message={t('users.removeConfirm', { name })}
        confirmLabel={t('common.remove')}
        pending={deleteUser.isPending}
        onClose={confirm.close}
        onConfirm={() =>
          deleteUser.mutate(user.id, {
            onSuccess: () => {
              confirm.close();
              toast({ color: 'green', message: t('users.removed') });
            },
          })
        }
      />
      <ConfirmDialog
        opened={confirmingReset}
        title={t('users.resetTwoFactorTitle')}
        message={t('users.resetTwoFactorConfirm', { name })}
        confirmLabel={t('users.resetTwoFactor')}
        pending={resetTwoFactor.isPending}
        onClose={confirmReset.close}
        onConfirm={() =>
          resetTwoFactor.mutate(user.id, {
            onSuccess: () => {
              confirmReset.close();
              toast({ color: 'green', message: t('users.resetTwoFactorDone', { name }) });
            },
          })
        }
      />
    </Group>
  );
}

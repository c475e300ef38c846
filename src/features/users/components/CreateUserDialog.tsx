import { zodResolver } from '@hookform/resolvers/zod';
import { NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { toast } from '@/lib/toast';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { DialogActions } from '@/components/DialogActions';
import type { z } from 'zod';
import { rolesGrantableBy } from '@contract/roles';
import { createUserRequestSchema } from '@contract/users';
import { userDisplayName } from '@contract/user-display-name';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useCurrentSession } from '@/lib/auth';
import { applyFieldIssues } from '@/lib/form-errors';
import { useCreateUser } from '../api/create-user';

type FormInput = z.input<typeof createUserRequestSchema>;
type FormOutput = z.output<typeof createUserRequestSchema>;

export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const createUser = useCreateUser();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createUserRequestSchema),
    defaultValues: { email: '', name: '', role: 'project_user', password: '' },
  });
  const { errors } = form.formState;
  const roleOptions = rolesGrantableBy(user.role).map((role) => ({
    value: role,
    label: t(`roles.${role}`),
  }));

  const close = () => {
    form.reset();
    createUser.reset();
    onClose();
  };

  const onSubmit = form.handleSubmit((values) =>
    createUser.mutate(values, {
      onSuccess: (created) => {
        toast({ color: 'green', message: t('users.created', { name: userDisplayName(created) }) });
        close();
      },
      onError: (error) =>
        applyFieldIssues(error, form.setError, ['email', 'name', 'role', 'password']),
    }),
  );

  return (
    <Dialog opened onClose={close} title={t('users.createTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {createUser.error && <ErrorAlert error={createUser.error} />}
          <TextInput
            label={t('common.email')}
            type="email"
            required
            autoComplete="off"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <TextInput
            label={t('common.name')}
            placeholder={t('users.namePlaceholder')}
            autoComplete="off"
            error={errors.name?.message}
            {...form.register('name')}
          />
          <NativeSelect
            label={t('common.role')}
            required
            data={roleOptions}
            error={errors.role?.message}
            {...form.register('role')}
          />
          <PasswordInput
            label={t('common.password')}
            description={t('users.initialPassword')}
            required
            autoComplete="new-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <DialogActions
            submitLabel={t('common.create')}
            pending={createUser.isPending}
            onCancel={close}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

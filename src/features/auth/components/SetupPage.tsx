import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useSetupOrganization } from '@/lib/auth';
import { applyFieldIssues } from '@/lib/form-errors';
import { lazyResolver } from '@/lib/lazy-resolver';
import type { SetupFormInput, SetupFormOutput } from '../setup-form-schema';
import { toSetupRequest } from '../setup-request';
import { AuthCard } from './AuthCard';

const resolver = lazyResolver<SetupFormInput, SetupFormOutput>(() =>
  import('../form-resolvers').then((m) => m.setupResolver),
);

/** First start: the organisation and its Root account. */
export function SetupPage() {
  const { t } = useTranslation();
  const setup = useSetupOrganization();
  useEffect(() => resolver.preload(), []);
  const form = useForm<SetupFormInput, unknown, SetupFormOutput>({
    resolver,
    defaultValues: { organizationName: '', email: '', password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    setup.mutate(toSetupRequest(values), {
      onError: (error) =>
        applyFieldIssues(error, form.setError, ['organizationName', 'email', 'password']),
    }),
  );

  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {setup.error && <ErrorAlert error={setup.error} />}
          <TextInput
            label={t('setup.organizationName')}
            required
            autoComplete="organization"
            error={errors.organizationName?.message}
            {...form.register('organizationName')}
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            required
            autoComplete="username"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            required
            autoComplete="new-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <PasswordInput
            label={t('setup.confirmPassword')}
            required
            autoComplete="new-password"
            error={errors.confirmPassword && t('setup.passwordsDiffer')}
            {...form.register('confirmPassword')}
          />
          <Button type="submit" loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { signInRequestSchema } from '@contract/auth';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useSignIn } from '@/lib/auth';
import { lazyResolver } from '@/lib/lazy-resolver';
import { AuthCard } from './AuthCard';

type SignInInput = z.input<typeof signInRequestSchema>;
type SignInOutput = z.output<typeof signInRequestSchema>;

const resolver = lazyResolver<SignInInput, SignInOutput>(() =>
  import('../form-resolvers').then((m) => m.signInResolver),
);

export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  useEffect(() => resolver.preload(), []);
  const form = useForm<SignInInput, unknown, SignInOutput>({
    resolver,
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  return (
    <AuthCard title={t('signIn.title')}>
      <form onSubmit={form.handleSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack>
          {signIn.error && <ErrorAlert error={signIn.error} />}
          <TextInput
            label={t('signIn.email')}
            type="email"
            required
            autoComplete="username"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            required
            autoComplete="current-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

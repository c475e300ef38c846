import { Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { signInRequestSchema } from '@contract/auth';
import { ERROR_CODES } from '@contract/error-codes';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError } from '@/lib/api-client';
import type { SecondFactorMethod } from '@contract/security-codes';
import { usePasskeySignIn, useSignIn } from '@/lib/auth';
import { lazyResolver } from '@/lib/lazy-resolver';
import { AuthCard } from './AuthCard';
import { SsoSignIn } from './SsoSignIn';

type SignInInput = z.input<typeof signInRequestSchema>;
type SignInOutput = z.output<typeof signInRequestSchema>;

const SecondFactorForm = lazy(() =>
  import('./SecondFactorForm').then((m) => ({ default: m.SecondFactorForm })),
);

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
  // A right password for an account with a second factor: the server asks for the code next.
  const secondStep =
    signIn.error instanceof ApiError && signIn.error.code === ERROR_CODES.secondFactorRequired
      ? ((signIn.error.details as { methods?: SecondFactorMethod[] } | undefined)?.methods ?? [])
      : undefined;
  const passkey = usePasskeySignIn();

  if (secondStep) {
    return (
      <AuthCard title={t('signIn.secondStepTitle')}>
        <Suspense>
          <SecondFactorForm methods={secondStep} onStartOver={() => signIn.reset()} />
        </Suspense>
      </AuthCard>
    );
  }
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
      <Divider label={t('signIn.or')} my="md" />
      <Stack>
        <SsoSignIn />
        {passkey.error && <ErrorAlert error={passkey.error} />}
        <Button variant="default" loading={passkey.isPending} onClick={() => passkey.mutate()}>
          {t('signIn.withPasskey')}
        </Button>
      </Stack>
    </AuthCard>
  );
}

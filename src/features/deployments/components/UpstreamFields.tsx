import { Group, PasswordInput, Text, TextInput } from '@mantine/core';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

type UpstreamField = 'upstreamUrl' | 'upstreamApiKey' | 'upstreamApiSecret';

/** The upstream's URL, API key and secret, as the create and the change dialogs both ask them. */
export function UpstreamFields({
  register,
  errors,
}: {
  register: (field: UpstreamField) => UseFormRegisterReturn;
  errors: Partial<Record<UpstreamField, FieldError>>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('deployments.upstreamHint')}
      </Text>
      <TextInput
        label={t('deployments.fields.upstreamUrl')}
        placeholder="https://emqx.example.com:18083"
        error={errors.upstreamUrl?.message}
        {...register('upstreamUrl')}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('deployments.fields.upstreamApiKey')}
          autoComplete="off"
          error={errors.upstreamApiKey?.message}
          {...register('upstreamApiKey')}
        />
        <PasswordInput
          label={t('deployments.fields.upstreamApiSecret')}
          autoComplete="new-password"
          error={errors.upstreamApiSecret?.message}
          {...register('upstreamApiSecret')}
        />
      </Group>
    </>
  );
}

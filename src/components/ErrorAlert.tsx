import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ERRORS, type ErrorCode } from '@contract/error-codes';
import { ApiError } from '@/lib/api-client';

/**
 * A failed request, in the server's own words, with a retry where one makes sense. In Chinese,
 * the registry's words for the error's code come first (contract/error-codes.ts), the server's
 * more particular English beneath them.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError && Object.hasOwn(ERRORS, error.code) ? (error.code as ErrorCode) : undefined;
  const translated = code && i18n.language.startsWith('zh') ? ERRORS[code].zh : undefined;
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm">{translated ?? message}</Text>
          {translated && translated !== message && (
            <Text size="xs" c="dimmed" lang="en">
              {message}
            </Text>
          )}
        </Stack>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

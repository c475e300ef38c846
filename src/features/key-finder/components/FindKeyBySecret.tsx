import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/AnchorLink';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useFindKeyBySecret } from '../api/find-key-by-secret';
import { FoundKeyActions } from './FoundKeyActions';

/**
 * "Find key by secret": paste a secret that turned up somewhere; the answer names its key and
 * leads to it, where "Roll secret" and "Delete" are one click away.
 */
export function FindKeyBySecret() {
  const { t } = useTranslation();
  const find = useFindKeyBySecret();
  const [secret, setSecret] = useState('');
  const found = find.data;
  return (
    <Stack maw={640}>
      <Text size="sm">{t('keyFinder.hint')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          find.mutate(secret.trim());
        }}
      >
        <Group align="flex-end">
          <PasswordInput
            label={t('keyFinder.secret')}
            value={secret}
            onChange={(event) => setSecret(event.currentTarget.value)}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={find.isPending} disabled={!secret.trim()}>
            {t('keyFinder.find')}
          </Button>
        </Group>
      </form>
      {find.error && <ErrorAlert error={find.error} />}
      {find.isSuccess && found === null && <Alert color="gray">{t('keyFinder.notFound')}</Alert>}
      {found && (
        <Alert color="orange" role="status">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {found.kind === 'platform'
                ? t('keyFinder.foundPlatform', { key: found.key })
                : t('keyFinder.foundDeployment', {
                    key: found.key,
                    deployment: found.deploymentName ?? '',
                  })}
              {found.note ? ` — ${found.note}` : ''}
            </Text>
            {found.previous && <Text size="sm">{t('keyFinder.foundPrevious')}</Text>}
            <FoundKeyActions
              found={found}
              onDone={() => {
                find.reset();
                setSecret('');
              }}
            />
            {found.kind === 'platform' ? (
              <AnchorLink to="/platform-api-keys">{t('keyFinder.open')}</AnchorLink>
            ) : (
              <AnchorLink
                to="/deployments/$deploymentId"
                params={{ deploymentId: found.deploymentId! }}
              >
                {t('keyFinder.open')}
              </AnchorLink>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

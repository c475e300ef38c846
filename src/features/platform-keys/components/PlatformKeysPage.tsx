import { Anchor, Badge, Box, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformKey } from '@contract/platform-keys';
import { KeyListTable, type KeyColumn } from '@/components/key-list/KeyListTable';
import { useKeyColumns } from '@/components/key-list/key-columns';
import { useKeyListFilters } from '@/components/key-list/key-list-filters';
import { useKeyListDialogs } from '@/components/key-list/use-key-list-dialogs';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiEndpoint } from '@/components/ApiEndpoint';
import { ApiKeysTabs } from '@/components/ApiKeysTabs';
import { useSparklines } from '@/lib/usage-api';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { platformApiBase, platformKeyUsage } from '@/lib/key-usage';
import { useDeletePlatformKey } from '../api/change-platform-key';
import { usePlatformKeys } from '../api/get-platform-keys';
import { platformKeyKeys } from '../api/platform-key-keys';
import { useTlsExampleDeployment } from '../api/get-tls-example-deployment';

const PlatformKeyFormDialog = lazy(() =>
  import('./PlatformKeyFormDialog').then((m) => ({ default: m.PlatformKeyFormDialog })),
);

type Editing = { mode: 'create' } | { mode: 'edit'; key: PlatformKey } | null;

/** Platform API Keys: for scripts that manage deployments, TLS and projects through the Platform API. */
export function PlatformKeysPage() {
  const { t } = useTranslation();
  const keys = usePlatformKeys();
  const [editing, setEditing] = useState<Editing>(null);
  const sparklines = useSparklines('/api/console/platform-keys/usage');
  const [shownAt] = useState(() => Date.now());
  const filters = useKeyListFilters(keys.data, shownAt);
  const queryClient = useQueryClient();
  const apiBase = platformApiBase(window.location.origin);
  const tlsExampleDeployment = useTlsExampleDeployment();
  const columns = useKeyColumns<PlatformKey>({
    header: t('platformKeys.key'),
    of: (key) => key.key,
  });
  const list = useKeyListDialogs<PlatformKey>({
    keyLabel: (key) => key.key,
    keyPath: (key) => `/api/console/platform-keys/${key.id}`,
    secretLabels: { id: t('platformKeys.key'), secret: t('platformKeys.secret') },
    createdTitle: t('platformKeys.createdTitle'),
    usage: (key, secret) =>
      platformKeyUsage(apiBase, key.key, secret, key.scopes, tlsExampleDeployment(key)),
    remove: {
      mutation: useDeletePlatformKey(),
      title: t('platformKeys.deleteTitle'),
      message: (key) => t('platformKeys.deleteConfirm', { key: key.key }),
      deletedMessage: (key) => t('platformKeys.deleted', { key: key.key }),
    },
    onChanged: () => queryClient.invalidateQueries({ queryKey: platformKeyKeys.all }),
  });
  const scopesColumn: KeyColumn<PlatformKey> = {
    header: t('platformKeys.scopesColumn'),
    cell: (key) => (
      <Stack gap={4}>
        <Group gap={4}>
          {key.scopes.map((scope) => (
            <Badge key={scope} variant="light" size="sm" tt="none">
              {t(`platformKeys.scopes.${scope}`)}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {key.projects === null
            ? t('platformKeys.allProjects')
            : key.projects.map((project) => project.name).join(', ')}
        </Text>
      </Stack>
    ),
  };

  const newKeyButton = (
    <Button onClick={() => setEditing({ mode: 'create' })}>{t('platformKeys.newKey')}</Button>
  );

  return (
    <>
      <PageHeader
        title={t('platformKeys.title')}
        actions={keys.isSuccess && keys.data.length > 0 && newKeyButton}
      />
      <ApiKeysTabs current="platform" />
      <Text size="sm" c="dimmed" mb="md">
        {t('platformKeys.intro')}{' '}
        <Anchor component={Link} to="/platform-api-keys/reference">
          {t('platformKeys.reference')}
        </Anchor>
      </Text>
      <Box mb="md">
        <ApiEndpoint url={apiBase} auth={t('apiEndpoint.platformAuth')} />
      </Box>
      {keys.isPending && <PageLoader />}
      {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.isSuccess && keys.data.length === 0 && (
        <EmptyState
          title={t('platformKeys.emptyTitle')}
          description={t('platformKeys.emptyDescription')}
        >
          <EmptyState.Actions>{newKeyButton}</EmptyState.Actions>
        </EmptyState>
      )}
      {keys.isSuccess && keys.data.length > 0 && filters.controls}
      {keys.isSuccess && keys.data.length > 0 && (
        <KeyListTable
          minWidth={960}
          rows={filters.shown}
          shownAt={shownAt}
          columns={[
            columns.publicId(),
            columns.note(t('platformKeys.note')),
            ...columns.attributes(),
            scopesColumn,
            columns.lastUsed(),
            columns.usage((key) => sparklines.data?.keys[key.key], list.showUsage),
            list.actionsColumn({ onEdit: (key) => setEditing({ mode: 'edit', key }) }),
          ]}
        />
      )}
      <Suspense>
        {editing && (
          <PlatformKeyFormDialog
            editing={editing.mode === 'edit' ? editing.key : undefined}
            onClose={() => setEditing(null)}
            onCreated={(created) => {
              setEditing(null);
              list.reveal({
                id: created.key,
                secret: created.secret,
                usage: platformKeyUsage(
                  apiBase,
                  created.key,
                  created.secret,
                  created.scopes,
                  tlsExampleDeployment(created),
                ),
              });
            }}
          />
        )}
      </Suspense>
      {list.dialogs}
    </>
  );
}

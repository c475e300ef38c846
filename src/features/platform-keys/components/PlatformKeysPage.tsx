import { Anchor, Badge, Box, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformKey } from '@contract/platform-keys';
import { DeleteConfirmDialog } from '@/components/DeleteConfirmDialog';
import { DataTable } from '@/components/DataTable';
import {
  ExpiryFilterControl,
  filterByExpiry,
  type ExpiryFilter,
} from '@/components/ExpiryFilterControl';
import { inactiveKeyRowStyle, KeyLifecycleCells } from '@/components/KeyLifecycleCells';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiEndpoint } from '@/components/ApiEndpoint';
import { ApiKeysTabs } from '@/components/ApiKeysTabs';
import { useSparklines } from '@/lib/usage-api';
import { UsageCell } from '@/components/usage/UsageCell';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useFormatters } from '@/lib/format';
import { platformApiBase, platformKeyUsage, type KeyUsage } from '@/lib/key-usage';
import { useDeletePlatformKey } from '../api/change-platform-key';
import { usePlatformKeys } from '../api/get-platform-keys';
import { platformKeyKeys } from '../api/platform-key-keys';

// The row menu brings Mantine's popover engine: it loads just after the list, not before it.
const KeyRowActions = lazy(() =>
  import('@/components/KeyRowActions').then((m) => ({ default: m.KeyRowActions })),
);

const PlatformKeyFormDialog = lazy(() =>
  import('./PlatformKeyFormDialog').then((m) => ({ default: m.PlatformKeyFormDialog })),
);
const KeyUsageDialog = lazy(() =>
  import('@/components/usage/KeyUsageDialog').then((m) => ({ default: m.KeyUsageDialog })),
);
const SecretRevealDialog = lazy(() =>
  import('@/components/SecretRevealDialog').then((m) => ({ default: m.SecretRevealDialog })),
);

type Editing = { mode: 'create' } | { mode: 'edit'; key: PlatformKey } | null;

/** Platform API Keys: for scripts that manage deployments, TLS and projects through the Platform API. */
export function PlatformKeysPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const keys = usePlatformKeys();
  const remove = useDeletePlatformKey();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<PlatformKey | null>(null);
  const [usageOf, setUsageOf] = useState<PlatformKey | null>(null);
  const sparklines = useSparklines('/api/console/platform-keys/usage');
  const [filter, setFilter] = useState<ExpiryFilter>('all');
  const [shownAt] = useState(() => Date.now());
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: platformKeyKeys.all });
  // The one copy of a new Secret in the page: gone when the reveal dialog closes.
  const [revealed, setRevealed] = useState<{ key: string; secret: string; usage: KeyUsage } | null>(
    null,
  );
  const apiBase = platformApiBase(window.location.origin);

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
      {keys.isSuccess && keys.data.length > 0 && (
        <Group mb="xs">
          <ExpiryFilterControl value={filter} onChange={setFilter} />
        </Group>
      )}
      {keys.isSuccess && keys.data.length > 0 && (
        <DataTable minWidth={1200}>
          <thead>
            <tr>
              <th>{t('platformKeys.key')}</th>
              <th>{t('platformKeys.note')}</th>
              <th>{t('platformKeys.scopesColumn')}</th>
              <th>{t('platformKeys.createdBy')}</th>
              <th>{t('common.createdAt')}</th>
              <th>{t('keys.expires')}</th>
              <th>{t('platformKeys.lastUsed')}</th>
              <th>{t('usage.column')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {filterByExpiry(keys.data, filter, shownAt).map((key) => (
              <tr key={key.id} style={inactiveKeyRowStyle(key, shownAt)}>
                <td>
                  <Text ff="monospace" size="sm">
                    {key.key}
                  </Text>
                </td>
                <td>{key.note || '—'}</td>
                <td>
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
                </td>
                <td>{key.createdBy}</td>
                <td>{dateTime(key.createdAt)}</td>
                <KeyLifecycleCells
                  lifecycle={key}
                  lastUsedAt={key.lastUsedAt}
                  createdAt={key.createdAt}
                />
                <UsageCell
                  keyLabel={key.key}
                  hourly={sparklines.data?.keys[key.key]}
                  onOpen={() => setUsageOf(key)}
                />
                <td>
                  <Suspense>
                    <KeyRowActions
                      keyPath={`/api/console/platform-keys/${key.id}`}
                      keyLabel={key.key}
                      lifecycle={key}
                      labels={{ id: t('platformKeys.key'), secret: t('platformKeys.secret') }}
                      auditTarget={key.key}
                      onChanged={refresh}
                      onEdit={() => setEditing({ mode: 'edit', key })}
                      onDelete={() => setDeleting(key)}
                    />
                  </Suspense>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Suspense>
        {editing && (
          <PlatformKeyFormDialog
            editing={editing.mode === 'edit' ? editing.key : undefined}
            onClose={() => setEditing(null)}
            onCreated={(created) => {
              setEditing(null);
              setRevealed({
                key: created.key,
                secret: created.secret,
                usage: platformKeyUsage(apiBase, created.key, created.secret, created.scopes),
              });
            }}
          />
        )}
        {usageOf && (
          <KeyUsageDialog
            keyLabel={usageOf.key}
            usagePath={`/api/console/platform-keys/${usageOf.id}/usage`}
            onClose={() => setUsageOf(null)}
          />
        )}
        {revealed && (
          <SecretRevealDialog
            title={t('platformKeys.createdTitle')}
            idLabel={t('platformKeys.key')}
            idValue={revealed.key}
            secretLabel={t('platformKeys.secret')}
            secretValue={revealed.secret}
            usage={revealed.usage}
            onClose={() => setRevealed(null)}
          />
        )}
      </Suspense>
      <DeleteConfirmDialog
        target={deleting}
        title={t('platformKeys.deleteTitle')}
        message={(key) => t('platformKeys.deleteConfirm', { key: key.key })}
        deletedMessage={(key) => t('platformKeys.deleted', { key: key.key })}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

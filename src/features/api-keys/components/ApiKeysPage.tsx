import { Badge, Button, EmptyState, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import type { InventoryKey } from '@contract/deployment-keys';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/AnchorLink';
import { ApiKeysTabs } from '@/components/ApiKeysTabs';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { inactiveKeyRowStyle, KeyLifecycleCells } from '@/components/KeyLifecycleCells';
import { MethodBadges } from '@/components/MethodBadges';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { UsageCell } from '@/components/usage/UsageCell';
import { useFormatters } from '@/lib/format';
import { useFilterChoices, useKeyInventory, type InventoryFilters } from '../api/get-key-inventory';

const KeyUsageDialog = lazy(() =>
  import('@/components/usage/KeyUsageDialog').then((m) => ({ default: m.KeyUsageDialog })),
);

/** One inventory of every Deployment API Key the account may see, across deployments. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [filters, setFilters] = useState<InventoryFilters>({
    search: '',
    deploymentId: '',
    projectId: '',
    createdBy: '',
  });
  const [debounced] = useDebouncedValue(filters, 250);
  const keys = useKeyInventory(debounced);
  const choices = useFilterChoices();
  const set =
    (field: keyof InventoryFilters) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const { value } = event.currentTarget;
      setFilters((current) => ({ ...current, [field]: value }));
    };
  const rows = keys.data?.pages.flatMap((page) => page.keys) ?? [];
  const [shownAt] = useState(() => Date.now());
  const [usageOf, setUsageOf] = useState<InventoryKey | null>(null);

  return (
    <>
      <PageHeader title={t('apiKeys.title')} />
      <ApiKeysTabs current="deployment" />
      <Group mb="md" align="flex-end">
        <TextInput
          type="search"
          label={t('apiKeys.search')}
          placeholder={t('apiKeys.searchPlaceholder')}
          value={filters.search}
          onChange={set('search')}
          w={240}
        />
        <NativeSelect
          label={t('apiKeys.deployment')}
          value={filters.deploymentId}
          onChange={set('deploymentId')}
          data={[
            { value: '', label: t('apiKeys.anyDeployment') },
            ...(choices.data?.deployments ?? []).map((d) => ({
              value: d.id,
              label: `${d.name} (${d.id})`,
            })),
          ]}
          w={240}
        />
        <NativeSelect
          label={t('apiKeys.project')}
          value={filters.projectId}
          onChange={set('projectId')}
          data={[
            { value: '', label: t('apiKeys.anyProject') },
            ...(choices.data?.projects ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          w={200}
        />
        <TextInput
          label={t('platformKeys.createdBy')}
          placeholder={t('apiKeys.createdByPlaceholder')}
          value={filters.createdBy}
          onChange={set('createdBy')}
          w={200}
        />
      </Group>
      {keys.isPending && <PageLoader />}
      {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.isSuccess && rows.length === 0 && <EmptyState title={t('apiKeys.empty')} />}
      {rows.length > 0 && (
        <DataTable minWidth={1200} label={t('apiKeys.deploymentTab')}>
          <thead>
            <tr>
              <th>{t('apiKeys.deployment')}</th>
              <th>{t('deploymentKeys.appId')}</th>
              <th>{t('deploymentKeys.note')}</th>
              <th>{t('deploymentKeys.access')}</th>
              <th>{t('platformKeys.createdBy')}</th>
              <th>{t('common.createdAt')}</th>
              <th>{t('keys.expires')}</th>
              <th>{t('platformKeys.lastUsed')}</th>
              <th>{t('usage.column')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((key) => (
              <tr key={key.id} style={inactiveKeyRowStyle(key, shownAt)}>
                <td>
                  <AnchorLink
                    to="/deployments/$deploymentId"
                    params={{ deploymentId: key.deployment.id }}
                    size="sm"
                  >
                    {key.deployment.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {key.deployment.projectName}
                  </Text>
                </td>
                <td>
                  <Text ff="monospace" size="sm">
                    {key.appId}
                  </Text>
                  {key.legacy && (
                    <Badge color="orange" variant="light" size="sm">
                      {t('deploymentKeys.legacy')}
                    </Badge>
                  )}
                </td>
                <td>{key.note || '—'}</td>
                <td>
                  {key.fullAccess ? (
                    t('deploymentKeys.fullAccess')
                  ) : (
                    <MethodBadges permissions={key.permissions} />
                  )}
                </td>
                <td>{key.createdBy ?? '—'}</td>
                <td>{key.createdAt ? dateTime(key.createdAt) : '—'}</td>
                <KeyLifecycleCells
                  lifecycle={key}
                  lastUsedAt={key.lastUsedAt}
                  createdAt={key.createdAt}
                />
                <UsageCell
                  keyLabel={key.appId}
                  hourly={key.hourlyRequests}
                  onOpen={() => setUsageOf(key)}
                />
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Suspense>
        {usageOf && (
          <KeyUsageDialog
            keyLabel={usageOf.appId}
            usagePath={`/api/console/deployments/${usageOf.deployment.id}/keys/${usageOf.id}/usage`}
            grants={usageOf.fullAccess ? undefined : usageOf.permissions}
            onClose={() => setUsageOf(null)}
          />
        )}
      </Suspense>
      {keys.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={keys.isFetchingNextPage}
            onClick={() => void keys.fetchNextPage()}
          >
            {t('apiKeys.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}

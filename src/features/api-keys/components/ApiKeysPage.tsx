import { EmptyState, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { InventoryKey } from '@contract/deployment-keys';
import type { DeploymentType } from '@contract/deployment-types';
import { catalogIdFor } from '@contract/endpoint-catalog';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/AnchorLink';
import { ApiKeysTabs } from '@/components/ApiKeysTabs';
import { ErrorAlert } from '@/components/ErrorAlert';
import { KeyListTable, type KeyColumn } from '@/components/key-list/KeyListTable';
import { useDeploymentKeyIdentity, useKeyColumns } from '@/components/key-list/key-columns';
import { LabelFilterInput } from '@/components/key-list/LabelFilterInput';
import { useKeyListDialogs } from '@/components/key-list/use-key-list-dialogs';
import { AccessInWords } from '@/components/AccessInWords';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useFilterChoices, useKeyInventory, type InventoryFilters } from '../api/get-key-inventory';
import { LoadMore } from '@/components/LoadMore';
import { useCatalogs } from '@/lib/catalogs';

/** One inventory of every Deployment API Key the account may see, across deployments. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<InventoryFilters>({
    search: '',
    deploymentId: '',
    projectId: '',
    createdBy: '',
    label: '',
  });
  const [debounced] = useDebouncedValue(filters, 250);
  const keys = useKeyInventory(debounced);
  const choices = useFilterChoices();
  const setValue = (field: keyof InventoryFilters) => (value: string) =>
    setFilters((current) => ({ ...current, [field]: value }));
  const set =
    (field: keyof InventoryFilters) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValue(field)(event.currentTarget.value);
  const rows = keys.data?.pages.flatMap((page) => page.keys) ?? [];
  // Each deployment type's catalog names its categories, for the access in words.
  const catalogOf = (key: InventoryKey) => catalogIdFor(key.deployment.type as DeploymentType);
  const catalogs = useCatalogs(rows.map(catalogOf));
  const [shownAt] = useState(() => Date.now());
  const identity = useDeploymentKeyIdentity<InventoryKey>();
  const columns = useKeyColumns<InventoryKey>(identity);
  const list = useKeyListDialogs<InventoryKey>({
    keyLabel: identity.of,
    keyPath: (key) => `/api/console/deployments/${key.deployment.id}/keys/${key.id}`,
    secretLabels: { id: t('deploymentKeys.appId'), secret: t('deploymentKeys.appSecret') },
    createdTitle: t('deploymentKeys.createdTitle'),
    usageExtras: (key) => (key.fullAccess ? {} : { grants: key.permissions }),
  });
  const deploymentColumn: KeyColumn<InventoryKey> = {
    header: t('apiKeys.deployment'),
    cell: (key) => (
      <>
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
      </>
    ),
  };
  const accessColumn: KeyColumn<InventoryKey> = {
    header: t('deploymentKeys.access'),
    cell: (key) =>
      key.fullAccess
        ? t('deploymentKeys.fullAccess')
        : catalogs[catalogOf(key)] && (
            <AccessInWords
              catalog={catalogs[catalogOf(key)]!}
              permissions={key.permissions}
              shown={2}
            />
          ),
  };

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
        <LabelFilterInput value={filters.label} onChange={setValue('label')} />
      </Group>
      {keys.isPending && <PageLoader />}
      {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.isSuccess && rows.length === 0 && <EmptyState title={t('apiKeys.empty')} />}
      {rows.length > 0 && (
        <KeyListTable
          minWidth={960}
          label={t('apiKeys.deploymentTab')}
          rows={rows}
          shownAt={shownAt}
          columns={[
            deploymentColumn,
            columns.publicId(),
            columns.note(t('deploymentKeys.note')),
            ...columns.attributes(),
            accessColumn,
            columns.lastUsed(),
            columns.usage((key) => key.activity, list.showUsage),
          ]}
        />
      )}
      {list.dialogs}
      <LoadMore list={keys} />
    </>
  );
}

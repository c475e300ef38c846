import { Button, EmptyState, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/AnchorLink';
import { DataTable } from '@/components/DataTable';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageLoader } from '@/components/PageLoader';
import { useCan } from '@/lib/auth';
import { useDeployments } from '../api/get-deployments';
import { DeploymentStatusBadge } from './DeploymentStatusBadge';

// The form and its schemas load when the dialog first opens, not with the list.
import { ExpiringKeysBanner } from './ExpiringKeysBanner';
import { LoadMore } from '@/components/LoadMore';

const CreateDeploymentDialog = lazy(() =>
  import('./CreateDeploymentDialog').then((m) => ({ default: m.CreateDeploymentDialog })),
);

export function DeploymentsPage() {
  const { t } = useTranslation();
  const canCreate = useCan('operateDeployments');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 200);
  const deployments = useDeployments(debouncedSearch);
  const rows = deployments.data?.pages.flatMap((page) => page.deployments) ?? [];
  const [creating, createDialog] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title={t('deployments.title')}
        actions={
          canCreate && <Button onClick={createDialog.open}>{t('deployments.create')}</Button>
        }
      />
      <ExpiringKeysBanner />
      <Group mb="md">
        <TextInput
          type="search"
          aria-label={t('deployments.search')}
          placeholder={t('deployments.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={320}
        />
      </Group>
      {deployments.isPending && <PageLoader />}
      {deployments.isError && (
        <ErrorAlert error={deployments.error} onRetry={() => void deployments.refetch()} />
      )}
      {deployments.isSuccess && rows.length === 0 && (
        <EmptyState
          title={debouncedSearch ? t('deployments.noMatches') : t('deployments.emptyTitle')}
          description={debouncedSearch ? undefined : t('deployments.emptyDescription')}
        />
      )}
      {rows.length > 0 && (
        <DataTable minWidth={760}>
          <thead>
            <tr>
              <th>{t('deployments.fields.name')}</th>
              <th>{t('deployments.fields.type')}</th>
              <th>{t('deployments.fields.version')}</th>
              <th>{t('common.status')}</th>
              <th>{t('deployments.fields.region')}</th>
              <th>{t('deployments.fields.project')}</th>
              <th>{t('deployments.keyCount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((deployment) => (
              <tr key={deployment.id}>
                <td>
                  <AnchorLink
                    to="/deployments/$deploymentId"
                    params={{ deploymentId: deployment.id }}
                  >
                    {deployment.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {deployment.id}
                  </Text>
                </td>
                <td>{t(`deployments.types.${deployment.type}`)}</td>
                <td>{deployment.emqxVersion}</td>
                <td>
                  <DeploymentStatusBadge status={deployment.status} />
                </td>
                <td>
                  {deployment.platform} · {deployment.region}
                </td>
                <td>{deployment.projectName}</td>
                <td>{deployment.keyCount}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <LoadMore list={deployments} />
      {creating && (
        <Suspense>
          <CreateDeploymentDialog onClose={createDialog.close} />
        </Suspense>
      )}
    </>
  );
}

import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDedicatedFamily } from '@contract/deployment-types';
import type { Deployment } from '@contract/deployments';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useFormatters } from '@/lib/format';
import { toast } from '@/lib/toast';
import { useDeleteDeployment, useSetRunState } from '../api/change-deployment';
import { useDeployment } from '../api/get-deployment';
import { DeploymentStatusBadge } from './DeploymentStatusBadge';
import { TlsSection } from './TlsSection';
import { Fact } from '@/components/Fact';

// The usage card (and its chart library) loads after the page it sits on.
const DeploymentUsageCard = lazy(() =>
  import('@/components/usage/DeploymentUsageCard').then((m) => ({
    default: m.DeploymentUsageCard,
  })),
);

// With its form schema, loaded only when someone opens it.
const UpstreamDialog = lazy(() =>
  import('./UpstreamDialog').then((m) => ({ default: m.UpstreamDialog })),
);

/**
 * One deployment: its facts, its status with Start/Stop, its TLS certificate, and (rendered by
 * the caller, as another feature owns it) its API keys.
 */
export function DeploymentOverviewPage({
  renderKeys,
}: {
  renderKeys: (deployment: Deployment) => ReactNode;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const navigate = useNavigate();
  const { deploymentId } = useParams({ from: '/deployments/$deploymentId' });
  const deployment = useDeployment(deploymentId);
  const runState = useSetRunState();
  const remove = useDeleteDeployment();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [editingUpstream, setEditingUpstream] = useState(false);

  if (deployment.isPending) return <PageLoader />;
  if (deployment.isError)
    return <ErrorAlert error={deployment.error} onRetry={() => void deployment.refetch()} />;
  const d = deployment.data;
  const dedicated = isDedicatedFamily(d.type);

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/deployments">
          {t('deployments.title')}
        </Anchor>
        <Text size="sm">{d.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {d.name}
          </Title>
          <DeploymentStatusBadge status={d.status} />
        </Group>
        {d.permissions.operate && (
          <Group gap="xs">
            {dedicated && d.status === 'running' && (
              <Button
                variant="default"
                loading={runState.isPending}
                onClick={() => runState.mutate({ id: d.id, operation: 'stop' })}
              >
                {t('deployments.stop')}
              </Button>
            )}
            {dedicated && d.status === 'stopped' && (
              <Button
                loading={runState.isPending}
                onClick={() => runState.mutate({ id: d.id, operation: 'start' })}
              >
                {t('deployments.start')}
              </Button>
            )}
            <Button variant="light" color="red" onClick={() => setConfirmingDelete(true)}>
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Group>

      <Card withBorder component="section" aria-labelledby="overview-heading">
        <Title order={2} size="h4" id="overview-heading" mb="sm">
          {t('deployments.overview')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Fact label={t('deployments.fields.id')}>
            <Code>{d.id}</Code>
          </Fact>
          <Fact label={t('deployments.fields.type')}>{t(`deployments.types.${d.type}`)}</Fact>
          <Fact label={t('deployments.fields.version')}>{d.emqxVersion}</Fact>
          <Fact label={t('deployments.fields.project')}>{d.projectName}</Fact>
          <Fact label={t('deployments.fields.platform')}>{d.platform}</Fact>
          <Fact label={t('deployments.fields.region')}>{d.region}</Fact>
          <Fact label={t('common.createdAt')}>{dateTime(d.createdAt)}</Fact>
          <Fact label={t('deployments.fields.upstreamUrl')}>
            <Group gap="xs" wrap="nowrap">
              <span>
                {d.upstreamUrl ??
                  (d.hasUpstream ? t('deployments.upstreamHidden') : t('deployments.noUpstream'))}
              </span>
              {d.permissions.upstream && (
                <Button size="compact-xs" variant="subtle" onClick={() => setEditingUpstream(true)}>
                  {t('deployments.editUpstream')}
                </Button>
              )}
            </Group>
          </Fact>
        </SimpleGrid>
      </Card>

      {dedicated && <TlsSection deploymentId={d.id} canManage={d.permissions.configure} />}

      {renderKeys(d)}

      <Suspense>
        <DeploymentUsageCard deploymentId={d.id} />
      </Suspense>

      {editingUpstream && (
        <Suspense>
          <UpstreamDialog deployment={d} onClose={() => setEditingUpstream(false)} />
        </Suspense>
      )}

      <ConfirmDialog
        opened={confirmingDelete}
        title={t('deployments.deleteTitle')}
        message={t('deployments.deleteConfirm', { name: d.name, id: d.id })}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() =>
          remove.mutate(d.id, {
            onSuccess: () => {
              toast({ color: 'green', message: t('deployments.deleted', { name: d.name }) });
              void navigate({ to: '/deployments' });
            },
          })
        }
      />
    </Stack>
  );
}

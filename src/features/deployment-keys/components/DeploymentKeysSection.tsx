import { Badge, Box, Button, Card, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedDeploymentKey, DeploymentKey } from '@contract/deployment-keys';
import type { DeploymentType } from '@contract/deployment-types';
import {
  catalogIdFor,
  type EndpointCatalog,
  type HttpMethod,
  type Permission,
} from '@contract/endpoint-catalog';
import { useSparklines } from '@/lib/usage-api';
import { UsageCell } from '@/components/usage/UsageCell';
import { DeleteConfirmDialog } from '@/components/DeleteConfirmDialog';
import { ApiEndpoint } from '@/components/ApiEndpoint';
import { DataTable } from '@/components/DataTable';
import {
  ExpiryFilterControl,
  filterByExpiry,
  type ExpiryFilter,
} from '@/components/ExpiryFilterControl';
import { inactiveKeyRowStyle, KeyLifecycleCells } from '@/components/KeyLifecycleCells';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useFormatters } from '@/lib/format';
import { deploymentApiBase, deploymentKeyUsage, harmlessGet, type KeyUsage } from '@/lib/key-usage';
import { useDeleteDeploymentKey } from '../api/change-deployment-key';
import { useCatalog } from '../api/get-catalog';
import { deploymentKeyKeys } from '../api/deployment-key-keys';
import { useDeploymentKeys } from '../api/get-deployment-keys';
import { indexCatalog, summarize, toSelection } from '../permission-picker-model';
import { formatPermissionSummary } from '../permission-summary';
import { MethodBadges } from '@/components/MethodBadges';
import { ViewAccess } from './ViewAccess';

// The row menu brings Mantine's popover engine: it loads just after the list, not before it.
const KeyRowActions = lazy(() =>
  import('@/components/KeyRowActions').then((m) => ({ default: m.KeyRowActions })),
);

const DeploymentKeyDialog = lazy(() =>
  import('./DeploymentKeyDialog').then((m) => ({ default: m.DeploymentKeyDialog })),
);
const ServerlessKeyDialog = lazy(() =>
  import('./ServerlessKeyDialog').then((m) => ({ default: m.ServerlessKeyDialog })),
);
const KeyUsageDialog = lazy(() =>
  import('@/components/usage/KeyUsageDialog').then((m) => ({ default: m.KeyUsageDialog })),
);
const SecretRevealDialog = lazy(() =>
  import('@/components/SecretRevealDialog').then((m) => ({ default: m.SecretRevealDialog })),
);

interface Props {
  deploymentId: string;
  deploymentType: DeploymentType;
  canConfigure: boolean;
}

/** The "Deployment API Key" section of a Deployment Overview page. */
export function DeploymentKeysSection({ deploymentId, deploymentType, canConfigure }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const serverless = deploymentType === 'serverless';
  const keys = useDeploymentKeys(deploymentId);
  const catalog = useCatalog(catalogIdFor(deploymentType));
  const [creatingServerless, setCreatingServerless] = useState(false);
  const remove = useDeleteDeploymentKey(deploymentId);
  const [dialog, setDialog] = useState<{
    editingId?: string;
    initialPermissions?: Permission[];
  } | null>(null);
  const [usageOf, setUsageOf] = useState<DeploymentKey | null>(null);
  const sparklines = useSparklines(`/api/console/deployments/${deploymentId}/keys/usage`);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DeploymentKey | null>(null);
  const [filter, setFilter] = useState<ExpiryFilter>('all');
  const [shownAt] = useState(() => Date.now());
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: deploymentKeyKeys.list(deploymentId) });
  // The one copy of a new App Secret in the page: gone when the reveal dialog closes.
  const [revealed, setRevealed] = useState<{
    appId: string;
    secret: string;
    usage: KeyUsage;
  } | null>(null);
  const apiBase = catalog.data
    ? deploymentApiBase(window.location.origin, deploymentId, catalog.data.basePath)
    : null;
  const categories = useMemo(
    () => (catalog.data ? indexCatalog(catalog.data) : []),
    [catalog.data],
  );

  const reveal = (created: CreatedDeploymentKey) => {
    setDialog(null);
    setCreatingServerless(false);
    setRevealed({
      appId: created.appId,
      secret: created.appSecret,
      usage: deploymentKeyUsage(
        apiBase ?? '',
        created.appId,
        created.appSecret,
        harmlessGet(created),
      ),
    });
  };

  // Serverless keys have full access: their dialog asks only when they expire.
  const newKey = () => (serverless ? setCreatingServerless(true) : setDialog({}));

  const access = (key: DeploymentKey) => {
    if (key.fullAccess) return t('deploymentKeys.fullAccess');
    const summary = summarize(categories, toSelection(key.permissions));
    return formatPermissionSummary(t, summary);
  };
  const editing = dialog?.editingId
    ? keys.data?.find((key) => key.id === dialog.editingId)
    : undefined;

  return (
    <Card withBorder component="section" aria-labelledby="keys-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="keys-heading">
          {t('deploymentKeys.title')}
        </Title>
        {canConfigure && (
          <Button size="xs" onClick={newKey} disabled={!catalog.data}>
            + {t('deploymentKeys.newKey')}
          </Button>
        )}
      </Group>
      {apiBase && (
        <Box mb="sm">
          <ApiEndpoint url={apiBase} auth={t('apiEndpoint.deploymentAuth')} />
        </Box>
      )}
      {(keys.isPending || catalog.isPending) && <PageLoader />}
      {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      {catalog.isError && <ErrorAlert error={catalog.error} />}
      {keys.isSuccess && keys.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {serverless ? t('deploymentKeys.emptyServerless') : t('deploymentKeys.empty')}
        </Text>
      )}
      {keys.isSuccess && keys.data.length > 0 && (
        <Group mb="xs">
          <ExpiryFilterControl value={filter} onChange={setFilter} />
        </Group>
      )}
      {keys.isSuccess && catalog.isSuccess && keys.data.length > 0 && (
        <DataTable minWidth={1150} label={t('deploymentKeys.title')}>
          <thead>
            <tr>
              <th>{t('deploymentKeys.appId')}</th>
              <th>{t('deploymentKeys.note')}</th>
              <th>{t('platformKeys.createdBy')}</th>
              <th>{t('common.createdAt')}</th>
              <th>{t('keys.expires')}</th>
              <th>{t('platformKeys.lastUsed')}</th>
              <th>{t('usage.column')}</th>
              <th>{t('deploymentKeys.access')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {filterByExpiry(keys.data, filter, shownAt).map((key) => (
              <Fragment key={key.id}>
                <tr style={inactiveKeyRowStyle(key, shownAt)}>
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
                  <td>{key.createdBy ?? '—'}</td>
                  <td>{key.createdAt ? dateTime(key.createdAt) : '—'}</td>
                  <KeyLifecycleCells
                    lifecycle={key}
                    lastUsedAt={key.lastUsedAt}
                    createdAt={key.createdAt}
                  />
                  <UsageCell
                    keyLabel={key.appId}
                    hourly={sparklines.data?.keys[key.appId]}
                    onOpen={() => setUsageOf(key)}
                  />
                  <td>
                    {key.fullAccess ? (
                      access(key)
                    ) : (
                      <>
                        <MethodBadges permissions={key.permissions} />
                        <UnstyledButton
                          aria-expanded={expanded === key.id}
                          aria-label={`${t('deploymentKeys.viewAccess')} ${key.appId}`}
                          onClick={() => setExpanded(expanded === key.id ? null : key.id)}
                          style={{ textDecoration: 'underline' }}
                        >
                          {access(key)} · {t('deploymentKeys.viewAccess')}
                        </UnstyledButton>
                      </>
                    )}
                  </td>
                  <td>
                    {canConfigure && (
                      <Suspense>
                        <KeyRowActions
                          keyPath={`/api/console/deployments/${deploymentId}/keys/${key.id}`}
                          keyLabel={key.appId}
                          lifecycle={key}
                          labels={{
                            id: t('deploymentKeys.appId'),
                            secret: t('deploymentKeys.appSecret'),
                          }}
                          auditTarget={key.appId}
                          onChanged={refresh}
                          onEdit={
                            key.fullAccess ? undefined : () => setDialog({ editingId: key.id })
                          }
                          onDelete={() => setDeleting(key)}
                        />
                      </Suspense>
                    )}
                  </td>
                </tr>
                {key.legacy && (
                  <tr>
                    <td colSpan={9}>
                      <Text size="xs" c="dimmed">
                        {t('deploymentKeys.legacyHint')}
                      </Text>
                    </td>
                  </tr>
                )}
                {expanded === key.id && (
                  <tr>
                    <td colSpan={9}>
                      <ViewAccess catalog={catalog.data} permissions={key.permissions} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </DataTable>
      )}
      <Suspense>
        {dialog && catalog.data && (
          <DeploymentKeyDialog
            deploymentId={deploymentId}
            catalog={catalog.data as EndpointCatalog}
            editing={editing}
            initialPermissions={dialog.initialPermissions}
            keys={keys.data ?? []}
            onClose={() => setDialog(null)}
            onCreated={reveal}
          />
        )}
        {creatingServerless && (
          <ServerlessKeyDialog
            deploymentId={deploymentId}
            onClose={() => setCreatingServerless(false)}
            onCreated={reveal}
          />
        )}
        {usageOf && (
          <KeyUsageDialog
            keyLabel={usageOf.appId}
            usagePath={`/api/console/deployments/${deploymentId}/keys/${usageOf.id}/usage`}
            onGrant={
              canConfigure && !usageOf.fullAccess
                ? (grant) => {
                    setUsageOf(null);
                    setDialog({
                      editingId: usageOf.id,
                      initialPermissions: [
                        ...usageOf.permissions,
                        { method: grant.method as HttpMethod, path: grant.endpoint },
                      ],
                    });
                  }
                : undefined
            }
            grants={usageOf.fullAccess ? undefined : usageOf.permissions}
            onTrim={
              canConfigure && !usageOf.fullAccess
                ? (used) => {
                    setUsageOf(null);
                    setDialog({ editingId: usageOf.id, initialPermissions: used });
                  }
                : undefined
            }
            onClose={() => setUsageOf(null)}
          />
        )}
        {revealed && (
          <SecretRevealDialog
            title={t('deploymentKeys.createdTitle')}
            idLabel={t('deploymentKeys.appId')}
            idValue={revealed.appId}
            secretLabel={t('deploymentKeys.appSecret')}
            secretValue={revealed.secret}
            usage={revealed.usage}
            onClose={() => setRevealed(null)}
          />
        )}
      </Suspense>
      <DeleteConfirmDialog
        target={deleting}
        title={t('deploymentKeys.deleteTitle')}
        message={(key) => t('deploymentKeys.deleteConfirm', { appId: key.appId })}
        deletedMessage={(key) => t('deploymentKeys.deleted', { appId: key.appId })}
        mutation={remove}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}

import { Box, Button, Card, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
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
import { ApiEndpoint } from '@/components/ApiEndpoint';
import { KeyListTable, type KeyColumn } from '@/components/key-list/KeyListTable';
import { useDeploymentKeyIdentity, useKeyColumns } from '@/components/key-list/key-columns';
import { useKeyListFilters } from '@/components/key-list/key-list-filters';
import { useKeyListDialogs } from '@/components/key-list/use-key-list-dialogs';
import { ErrorAlert } from '@/components/ErrorAlert';
import { LoadMore } from '@/components/LoadMore';
import { PageLoader } from '@/components/PageLoader';
import { deploymentApiBase, deploymentKeyUsage, harmlessGet } from '@/lib/key-usage';
import { useDeleteDeploymentKey } from '../api/change-deployment-key';
import { useCatalog } from '@/lib/catalogs';
import { deploymentKeyKeys } from '../api/deployment-key-keys';
import { useDeploymentKeys } from '../api/get-deployment-keys';
import { indexCatalog, summarize, toSelection } from '../permission-picker-model';
import { formatPermissionSummary } from '../permission-summary';
import { ViewAccess } from './ViewAccess';
import { AccessInWords } from '@/components/AccessInWords';

const DeploymentKeyDialog = lazy(() =>
  import('./DeploymentKeyDialog').then((m) => ({ default: m.DeploymentKeyDialog })),
);
const ServerlessKeyDialog = lazy(() =>
  import('./ServerlessKeyDialog').then((m) => ({ default: m.ServerlessKeyDialog })),
);

interface Props {
  deploymentId: string;
  deploymentType: DeploymentType;
  canConfigure: boolean;
}

type Editor = { editingId?: string; initialPermissions?: Permission[] };

/** The "Deployment API Key" section of a Deployment Overview page. */
export function DeploymentKeysSection({ deploymentId, deploymentType, canConfigure }: Props) {
  const { t } = useTranslation();
  const serverless = deploymentType === 'serverless';
  const keys = useDeploymentKeys(deploymentId);
  const catalog = useCatalog(catalogIdFor(deploymentType));
  const [creatingServerless, setCreatingServerless] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const sparklines = useSparklines(`/api/console/deployments/${deploymentId}/keys/usage`);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [shownAt] = useState(() => Date.now());
  const filters = useKeyListFilters(keys.data, shownAt);
  const queryClient = useQueryClient();
  const apiBase = catalog.data
    ? deploymentApiBase(window.location.origin, deploymentId, catalog.data.basePath)
    : null;
  const categories = useMemo(
    () => (catalog.data ? indexCatalog(catalog.data) : []),
    [catalog.data],
  );
  const identity = useDeploymentKeyIdentity<DeploymentKey>();
  const columns = useKeyColumns<DeploymentKey>(identity);
  const list = useKeyListDialogs<DeploymentKey>({
    keyLabel: identity.of,
    keyPath: (key) => `/api/console/deployments/${deploymentId}/keys/${key.id}`,
    secretLabels: { id: t('deploymentKeys.appId'), secret: t('deploymentKeys.appSecret') },
    createdTitle: t('deploymentKeys.createdTitle'),
    usage: (key, secret) => deploymentKeyUsage(apiBase ?? '', key.appId, secret, harmlessGet(key)),
    remove: {
      mutation: useDeleteDeploymentKey(deploymentId),
      title: t('deploymentKeys.deleteTitle'),
      message: (key) => t('deploymentKeys.deleteConfirm', { appId: key.appId }),
      deletedMessage: (key) => t('deploymentKeys.deleted', { appId: key.appId }),
    },
    onChanged: () =>
      queryClient.invalidateQueries({ queryKey: deploymentKeyKeys.list(deploymentId) }),
    // A refused endpoint offers "Grant this permission"; "used vs granted" offers a trim.
    usageExtras: (key, close) =>
      key.fullAccess
        ? {}
        : {
            grants: key.permissions,
            onGrant: canConfigure
              ? (grant) => {
                  close();
                  setEditor({
                    editingId: key.id,
                    initialPermissions: [
                      ...key.permissions,
                      { method: grant.method as HttpMethod, path: grant.endpoint },
                    ],
                  });
                }
              : undefined,
            onTrim: canConfigure
              ? (used) => {
                  close();
                  setEditor({ editingId: key.id, initialPermissions: used });
                }
              : undefined,
          },
  });

  const reveal = (created: CreatedDeploymentKey) => {
    setEditor(null);
    setCreatingServerless(false);
    list.reveal({
      id: created.appId,
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
  const newKey = () => (serverless ? setCreatingServerless(true) : setEditor({}));

  const accessSummary = (key: DeploymentKey) => {
    if (key.fullAccess) return t('deploymentKeys.fullAccess');
    return formatPermissionSummary(t, summarize(categories, toSelection(key.permissions)));
  };
  const accessColumn: KeyColumn<DeploymentKey> = {
    header: t('deploymentKeys.access'),
    cell: (key) =>
      key.fullAccess ? (
        accessSummary(key)
      ) : (
        <>
          {catalog.data && (
            <AccessInWords catalog={catalog.data} permissions={key.permissions} shown={2} />
          )}
          <UnstyledButton
            aria-expanded={expanded === key.id}
            aria-label={`${t('deploymentKeys.viewAccess')} ${key.appId}`}
            title={accessSummary(key)}
            onClick={() => setExpanded(expanded === key.id ? null : key.id)}
            style={{ textDecoration: 'underline' }}
          >
            <Text span size="xs">
              {t('deploymentKeys.viewAccess')}
            </Text>
          </UnstyledButton>
        </>
      ),
  };
  const editing = editor?.editingId
    ? keys.data?.find((key) => key.id === editor.editingId)
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
      {keys.isSuccess && keys.data.length > 0 && filters.controls}
      {keys.isSuccess && catalog.isSuccess && keys.data.length > 0 && (
        <KeyListTable
          minWidth={960}
          label={t('deploymentKeys.title')}
          rows={filters.shown}
          shownAt={shownAt}
          columns={[
            columns.publicId(),
            columns.note(t('deploymentKeys.note')),
            ...columns.attributes(),
            columns.lastUsed(),
            columns.usage((key) => sparklines.data?.keys[key.appId], list.showUsage),
            accessColumn,
            ...(canConfigure
              ? [
                  list.actionsColumn({
                    onEdit: (key) => setEditor({ editingId: key.id }),
                    canEdit: (key) => !key.fullAccess,
                  }),
                ]
              : []),
          ]}
          details={(key) => [
            ...(key.legacy
              ? [
                  {
                    id: `${key.id}-legacy`,
                    content: (
                      <Text size="xs" c="dimmed">
                        {t('deploymentKeys.legacyHint')}
                      </Text>
                    ),
                  },
                ]
              : []),
            ...(expanded === key.id
              ? [
                  {
                    id: `${key.id}-access`,
                    content: <ViewAccess catalog={catalog.data} permissions={key.permissions} />,
                  },
                ]
              : []),
          ]}
        />
      )}
      <LoadMore list={keys} />
      <Suspense>
        {editor && catalog.data && (
          <DeploymentKeyDialog
            deploymentId={deploymentId}
            catalog={catalog.data as EndpointCatalog}
            editing={editing}
            initialPermissions={editor.initialPermissions}
            keys={keys.data ?? []}
            onClose={() => setEditor(null)}
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
      </Suspense>
      {list.dialogs}
    </Card>
  );
}

import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeploymentKeyWithDeployment } from '@contract/deployment-keys';
import { catalogIdFor, type EndpointCatalog } from '@contract/endpoint-catalog';
import { AnchorLink } from '@/components/AnchorLink';
import { Fact } from '@/components/Fact';
import { PageLoader } from '@/components/PageLoader';
import { KeyPageActions } from '@/components/key-page/KeyPageActions';
import { KeyPageLayout, keyPageFacts } from '@/components/key-page/KeyPageLayout';
import { useCan } from '@/lib/auth';
import { deploymentApiBase, deploymentKeyUsage, harmlessGet } from '@/lib/key-usage';
import { useDeleteDeploymentKey } from '../api/change-deployment-key';
import { deploymentKeyKeys } from '../api/deployment-key-keys';
import { useCatalog } from '@/lib/catalogs';
import { ViewAccess } from './ViewAccess';
import { AccessInWords } from '@/components/AccessInWords';

const DeploymentKeyDialog = lazy(() =>
  import('./DeploymentKeyDialog').then((m) => ({ default: m.DeploymentKeyDialog })),
);

/** One Deployment API Key's own page (`/keys/<id>`). */
export function DeploymentKeyPage({ data }: { data: DeploymentKeyWithDeployment }) {
  const { t } = useTranslation();
  const { key, deployment } = data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Whoever sees a deployment and may configure deployments may configure this one (a project
  // role sees only its projects' deployments).
  const canConfigure = useCan('configureDeployments');
  const catalog = useCatalog(catalogIdFor(deployment.type));
  const [editing, setEditing] = useState(false);
  const remove = useDeleteDeploymentKey(deployment.id);
  const keyPath = `/api/console/deployments/${deployment.id}/keys/${key.id}`;
  const onChanged = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: deploymentKeyKeys.one(key.id) }),
      queryClient.invalidateQueries({ queryKey: deploymentKeyKeys.list(deployment.id) }),
    ]);
  const apiBase = catalog.data
    ? deploymentApiBase(window.location.origin, deployment.id, catalog.data.basePath)
    : '';

  const access = key.fullAccess ? (
    <Text size="sm">{t('keyPage.fullAccess')}</Text>
  ) : !catalog.data ? (
    <PageLoader />
  ) : (
    <Stack gap="sm">
      <Stack gap={2}>
        <AccessInWords catalog={catalog.data} permissions={key.permissions} />
      </Stack>
      <details>
        <summary>
          <Text span size="sm">
            {t('deploymentKeyPage.grants')} ({key.permissions.length})
          </Text>
        </summary>
        <ViewAccess catalog={catalog.data} permissions={key.permissions} />
      </details>
    </Stack>
  );

  return (
    <>
      <KeyPageLayout
        kind={t('deploymentKeyPage.kind')}
        back={
          <AnchorLink to="/deployments/$deploymentId" params={{ deploymentId: deployment.id }}>
            ← {t('deploymentKeyPage.back', { name: deployment.name })}
          </AnchorLink>
        }
        facts={keyPageFacts(key.appId, key)}
        more={
          <Fact label={t('deploymentKeyPage.deployment')}>
            <AnchorLink to="/deployments/$deploymentId" params={{ deploymentId: deployment.id }}>
              {deployment.name}
            </AnchorLink>
          </Fact>
        }
        access={{ title: t('deploymentKeyPage.access'), content: access }}
        actions={
          canConfigure && (
            <KeyPageActions
              keyId={key.id}
              keyPath={keyPath}
              keyLabel={key.appId}
              lifecycle={key}
              secretLabels={{
                id: t('deploymentKeys.appId'),
                secret: t('deploymentKeys.appSecret'),
              }}
              usage={(secret) => deploymentKeyUsage(apiBase, key.appId, secret, harmlessGet(key))}
              onChanged={onChanged}
              onEdit={key.fullAccess || !catalog.data ? undefined : () => setEditing(true)}
              remove={{
                mutation: remove,
                title: t('deploymentKeys.deleteTitle'),
                message: t('deploymentKeys.deleteConfirm', { appId: key.appId }),
                deletedMessage: t('deploymentKeyPage.deleted', { appId: key.appId }),
                onDeleted: () =>
                  void navigate({
                    to: '/deployments/$deploymentId',
                    params: { deploymentId: deployment.id },
                  }),
              }}
            />
          )
        }
        usage={{
          usagePath: `${keyPath}/usage`,
          grants: key.fullAccess ? undefined : key.permissions,
        }}
      />
      <Suspense>
        {editing && catalog.data && (
          <DeploymentKeyDialog
            deploymentId={deployment.id}
            catalog={catalog.data as EndpointCatalog}
            editing={key}
            keys={[key]}
            onClose={() => {
              setEditing(false);
              void onChanged();
            }}
            onCreated={() => setEditing(false)}
          />
        )}
      </Suspense>
    </>
  );
}

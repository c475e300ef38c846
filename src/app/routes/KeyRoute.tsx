import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageLoader } from '@/components/PageLoader';
import { useDeploymentKey } from '@/features/deployment-keys/api/get-deployment-key';
import { usePlatformKey } from '@/features/platform-keys/api/get-platform-keys';
import { ApiError } from '@/lib/api-client';
import { useCan } from '@/lib/auth';

// Each kind's page (and the chart its usage draws) loads once the key's kind is known.
const DeploymentKeyPage = lazy(() =>
  import('@/features/deployment-keys/components/DeploymentKeyPage').then((m) => ({
    default: m.DeploymentKeyPage,
  })),
);
const PlatformKeyPage = lazy(() =>
  import('@/features/platform-keys/components/PlatformKeyPage').then((m) => ({
    default: m.PlatformKeyPage,
  })),
);

const route = getRouteApi('/keys/$keyId');
const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * `/keys/<id>`: one address for a key of either kind. A Deployment API Key is looked for first
 * (any account may see some); a Platform API Key next, for those who manage them.
 */
export function KeyRoute() {
  const { t } = useTranslation();
  const { keyId } = route.useParams();
  const canManagePlatformKeys = useCan('managePlatformKeys');
  const deploymentKey = useDeploymentKey(keyId);
  const platformKey = usePlatformKey(
    keyId,
    canManagePlatformKeys && isNotFound(deploymentKey.error),
  );
  if (deploymentKey.data)
    return (
      <Suspense fallback={<PageLoader />}>
        <DeploymentKeyPage data={deploymentKey.data} />
      </Suspense>
    );
  if (platformKey.data)
    return (
      <Suspense fallback={<PageLoader />}>
        <PlatformKeyPage platformKey={platformKey.data} />
      </Suspense>
    );
  const notFound = <ErrorAlert error={new Error(t('keyPage.notFound'))} />;
  if (deploymentKey.isPending) return <PageLoader />;
  if (!isNotFound(deploymentKey.error)) return <ErrorAlert error={deploymentKey.error} />;
  if (!canManagePlatformKeys) return notFound;
  if (platformKey.isPending) return <PageLoader />;
  return isNotFound(platformKey.error) ? notFound : <ErrorAlert error={platformKey.error} />;
}

import { lazy, Suspense } from 'react';
import { PageLoader } from '@/components/PageLoader';
import { DeploymentOverviewPage } from '@/features/deployments/components/DeploymentOverviewPage';

// The key list (its columns, filters and dialogs) loads just after the deployment's facts paint.
const DeploymentKeysSection = lazy(() =>
  import('@/features/deployment-keys/components/DeploymentKeysSection').then((m) => ({
    default: m.DeploymentKeysSection,
  })),
);

/** The Deployment Overview page composes two features: the deployment and its API keys. */
export function DeploymentOverviewRoute() {
  return (
    <DeploymentOverviewPage
      renderKeys={(deployment) => (
        <Suspense fallback={<PageLoader />}>
          <DeploymentKeysSection
            deploymentId={deployment.id}
            deploymentType={deployment.type}
            canConfigure={deployment.permissions.configure}
          />
        </Suspense>
      )}
    />
  );
}

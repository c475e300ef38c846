import { DeploymentKeysSection } from '@/features/deployment-keys/components/DeploymentKeysSection';
import { DeploymentOverviewPage } from '@/features/deployments/components/DeploymentOverviewPage';

/** The Deployment Overview page composes two features: the deployment and its API keys. */
export function DeploymentOverviewRoute() {
  return (
    <DeploymentOverviewPage
      renderKeys={(deployment) => (
        <DeploymentKeysSection
          deploymentId={deployment.id}
          deploymentType={deployment.type}
          canConfigure={deployment.permissions.configure}
        />
      )}
    />
  );
}

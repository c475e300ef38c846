import type { DeploymentType } from '../../../contract/deployment-types';
import type { PublicDeployment } from '../../../contract/platform-api';
import { platformOfRegion } from '../../../contract/regions';
import type { DeploymentView } from '../../deployments/deployments-service';

const WIRE_TYPES: Record<DeploymentType, PublicDeployment['deploymentType']> = {
  serverless: 'serverless',
  dedicated_v4: 'dedicated',
  dedicated_v5: 'dedicated',
  dedicated_flex: 'dedicatedFlex',
  byoc: 'byoc',
};

/** EMQX Platform's timestamps: UTC, "YYYY-MM-DD HH:mm" (minutes) or with seconds. */
export function platformTimestamp(date: Date, withSeconds = false): string {
  return date.toISOString().slice(0, withSeconds ? 19 : 16).replace('T', ' ');
}

export function toPublicDeployment(view: DeploymentView): PublicDeployment {
  return {
    deploymentID: view.id,
    deploymentName: view.name,
    deploymentType: WIRE_TYPES[view.type],
    version: view.type === 'dedicated_v4' ? 'v4' : 'v5',
    status: view.status,
    projectName: view.projectName,
    region: view.region,
    platform: platformOfRegion(view.region),
    connections: view.maxConnections,
    tps: view.maxTps,
    createAt: platformTimestamp(view.createdAt),
  };
}

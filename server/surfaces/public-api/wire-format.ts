import { randomBytes } from 'node:crypto';
import { majorVersionOf, type DeploymentType } from '../../../contract/deployment-types';
import type { TlsSummary } from '../../../contract/deployments';
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
    version: majorVersionOf(view.emqxVersion) as PublicDeployment['version'],
    status: view.status,
    projectName: view.projectName,
    region: view.region,
    platform: platformOfRegion(view.region),
    connections: view.maxConnections,
    tps: view.maxTps,
    createAt: platformTimestamp(view.createdAt),
  };
}

/** A name for a deployment created without one (EMQX Platform names them; so does Keyward). */
export const generatedDeploymentName = (): string => `deployment-${randomBytes(3).toString('hex')}`;

/** The subject's common name, as the Platform API's `cn` reports it ('' when there is none). */
export function commonNameOf(subject: string): string {
  return /(?:^|, )CN=([^,]*)/.exec(subject)?.[1] ?? '';
}

export function toPublicTls(summary: TlsSummary) {
  return {
    tlsType: summary.tlsType,
    expire: platformTimestamp(new Date(summary.validTo), true),
    status: 'running' as const,
    cn: commonNameOf(summary.subject),
  };
}

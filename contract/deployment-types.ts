/** Kept free of zod: the SPA's shell and lists use these without the schema library. */
export const DEPLOYMENT_TYPES = ['serverless', 'dedicated_v4', 'dedicated_v5', 'dedicated_flex', 'byoc'] as const;
export type DeploymentType = (typeof DEPLOYMENT_TYPES)[number];

/** Start, stop and TLS apply to these only (EMQX Platform's Platform API). */
export function isDedicatedFamily(type: DeploymentType): boolean {
  return type !== 'serverless';
}

export const DEPLOYMENT_STATUSES = ['running', 'starting', 'stopping', 'stopped'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** "4.4.x" for Dedicated v4, "5.x" for every other type. */
export function isVersionValidFor(type: DeploymentType, version: string): boolean {
  return type === 'dedicated_v4' ? /^4\.4\.\d+$/.test(version) : /^5\.\d+(\.\d+)?$/.test(version);
}

export const DEFAULT_VERSION: Record<DeploymentType, string> = {
  serverless: '5.8.9',
  dedicated_v4: '4.4.19',
  dedicated_v5: '5.8.9',
  dedicated_flex: '5.10.4',
  byoc: '5.8.9',
};

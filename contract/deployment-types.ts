/** Kept free of zod: the SPA's shell and lists use these without the schema library. */
export const DEPLOYMENT_TYPES = ['serverless', 'dedicated_v4', 'dedicated_v5', 'dedicated_flex', 'byoc'] as const;
export type DeploymentType = (typeof DEPLOYMENT_TYPES)[number];

/** Start, stop and TLS apply to these only (EMQX Platform's Platform API). */
export function isDedicatedFamily(type: DeploymentType): boolean {
  return type !== 'serverless';
}

export const DEPLOYMENT_STATUSES = ['running', 'starting', 'stopping', 'stopped'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** "4.4.x" for Dedicated v4, "5.x" or "6.x" for Dedicated Flex, "5.x" for every other type. */
export function isVersionValidFor(type: DeploymentType, version: string): boolean {
  if (type === 'dedicated_v4') return /^4\.4\.\d+$/.test(version);
  return (type === 'dedicated_flex' ? /^[56]\.\d+(\.\d+)?$/ : /^5\.\d+(\.\d+)?$/).test(version);
}

/** What `isVersionValidFor` asks of a type, in words (the one message for it everywhere). */
export function versionRuleOf(type: DeploymentType): string {
  if (type === 'dedicated_v4') return 'Dedicated v4 runs EMQX 4.4.x';
  return type === 'dedicated_flex' ? 'Dedicated Flex runs EMQX 5.x or 6.x' : 'This type runs EMQX 5.x';
}

/** EMQX's major version as the Platform API names it ("v4", "v5", "v6"). */
export const majorVersionOf = (emqxVersion: string): string => `v${emqxVersion.split('.')[0]}`;

/** The EMQX release a Dedicated Flex deployment created as "v6" runs, when none is named. */
export const DEFAULT_V6_VERSION = '6.0.1';

export const DEFAULT_VERSION: Record<DeploymentType, string> = {
  serverless: '5.8.9',
  dedicated_v4: '4.4.19',
  dedicated_v5: '5.8.9',
  dedicated_flex: '5.10.4',
  byoc: '5.8.9',
};

import type { DeploymentType } from './deployment-types';

/** The HTTP methods a Deployment API permission can name, in the picker's column order. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface CatalogEndpoint {
  /** Relative to the API's base path, with `{param}` placeholders. */
  path: string;
  methods: HttpMethod[];
  summaries: Partial<Record<HttpMethod, string>>;
}

export interface CatalogCategory {
  name: string;
  endpoints: CatalogEndpoint[];
}

/** One deployment version's REST API, as generated into catalog/ by catalog/generate-catalogs.ts. */
export interface EndpointCatalog {
  id: CatalogId;
  title: string;
  /** Where the upstream serves it, e.g. "/api/v5". */
  basePath: string;
  source: string;
  categories: CatalogCategory[];
}

export type CatalogId = 'emqx-v5' | 'emqx-v4' | 'emqx-serverless';

/** v5 serves Dedicated v5, Dedicated Flex and BYOC; v4 serves Dedicated v4. */
export function catalogIdFor(type: DeploymentType): CatalogId {
  if (type === 'serverless') return 'emqx-serverless';
  return type === 'dedicated_v4' ? 'emqx-v4' : 'emqx-v5';
}

/** A (method, endpoint) grant, as stored and as sent over the wire. */
export interface Permission {
  method: HttpMethod;
  path: string;
}

export const permissionKey = (permission: Permission): string => `${permission.method} ${permission.path}`;

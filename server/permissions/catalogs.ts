import serverless from '../../catalog/emqx-serverless.json';
import v4 from '../../catalog/emqx-v4.json';
import v5 from '../../catalog/emqx-v5.json';
import { catalogIdFor, type CatalogId, type EndpointCatalog } from '../../contract/endpoint-catalog';
import type { DeploymentType } from '../../contract/deployment-types';

/** The generated catalogs (catalog/*.json); the SPA's picker reads the very same files. */
export const CATALOGS: Record<CatalogId, EndpointCatalog> = {
  'emqx-v5': v5 as EndpointCatalog,
  'emqx-v4': v4 as EndpointCatalog,
  'emqx-serverless': serverless as EndpointCatalog,
};

export function catalogForType(type: DeploymentType): EndpointCatalog {
  return CATALOGS[catalogIdFor(type)];
}

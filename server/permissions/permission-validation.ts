import { HTTP_METHODS, permissionKey, type EndpointCatalog, type HttpMethod, type Permission } from '../../contract/endpoint-catalog';
import type { FieldIssue } from '../../contract/errors';

/**
 * Checks requested grants against a deployment's catalog: every path must be one of its endpoint
 * templates and every method one that endpoint supports. Returns the grants deduplicated, or the
 * issues naming each offending entry.
 */
export function validatePermissions(
  catalog: EndpointCatalog,
  requested: { method: string; path: string }[],
): { permissions: Permission[]; issues: FieldIssue[] } {
  const methodsByPath = new Map<string, readonly HttpMethod[]>();
  for (const category of catalog.categories) {
    for (const endpoint of category.endpoints) methodsByPath.set(endpoint.path, endpoint.methods);
  }
  const issues: FieldIssue[] = [];
  const unique = new Map<string, Permission>();
  requested.forEach((grant, index) => {
    const methods = methodsByPath.get(grant.path);
    if (!methods) {
      issues.push({ path: `permissions.${index}.path`, message: `${grant.path} is not an endpoint of the ${catalog.title}` });
    } else if (!(HTTP_METHODS as readonly string[]).includes(grant.method) || !methods.includes(grant.method as HttpMethod)) {
      issues.push({
        path: `permissions.${index}.method`,
        message: `${grant.path} does not support ${grant.method}; it supports ${methods.join(', ')}`,
      });
    } else {
      const permission = { method: grant.method as HttpMethod, path: grant.path };
      unique.set(permissionKey(permission), permission);
    }
  });
  return { permissions: [...unique.values()], issues };
}

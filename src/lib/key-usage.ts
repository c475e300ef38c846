/**
 * How to call with a new key, as the reveal dialog offers it: a ready-to-run curl line for a
 * harmless GET the key may make, and the same values as environment variables.
 */
export interface KeyUsage {
  curl: string | null;
  env: string;
}

const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

export function deploymentApiBase(origin: string, deploymentId: string, basePath: string): string {
  return `${origin}/api/deployments/${deploymentId}${basePath}`;
}

export const platformApiBase = (origin: string) => `${origin}/public_api/v1`;

/** A GET the key holds with no parameter to fill in (any for a full-access key), or null. */
export function harmlessGet(key: {
  fullAccess: boolean;
  permissions: { method: string; path: string }[];
}): string | null {
  if (key.fullAccess) return '/clients';
  return (
    key.permissions.find((grant) => grant.method === 'GET' && !grant.path.includes('{'))?.path ??
    null
  );
}

export function deploymentKeyUsage(
  apiBase: string,
  appId: string,
  appSecret: string,
  path: string | null,
): KeyUsage {
  return {
    curl:
      path === null
        ? null
        : `curl -u ${quoted(`${appId}:${appSecret}`)} ${quoted(`${apiBase}${path}`)}`,
    env: `export EMQX_API_URL=${quoted(apiBase)}\nexport EMQX_APP_ID=${quoted(appId)}\nexport EMQX_APP_SECRET=${quoted(appSecret)}\n`,
  };
}

/**
 * A Platform API Key's line lists deployments (or projects); a key that may only read TLS
 * certificates reads `tlsDeploymentId`'s, when a deployment it may reach is known.
 */
export function platformKeyUsage(
  apiBase: string,
  key: string,
  secret: string,
  scopes: readonly string[],
  tlsDeploymentId: string | null = null,
): KeyUsage {
  const path = scopes.includes('deployment_management')
    ? '/deployments'
    : scopes.includes('project_management')
      ? '/projects'
      : scopes.includes('tls_certificate_management') && tlsDeploymentId
        ? `/deployments/${encodeURIComponent(tlsDeploymentId)}/tls`
        : null;
  return {
    curl:
      path === null ? null : `curl -u ${quoted(`${key}:${secret}`)} ${quoted(`${apiBase}${path}`)}`,
    env: `export KEYWARD_PLATFORM_API_URL=${quoted(apiBase)}\nexport KEYWARD_API_KEY=${quoted(key)}\nexport KEYWARD_API_SECRET=${quoted(secret)}\n`,
  };
}

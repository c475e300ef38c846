/** A Platform API Key's Functionality Scope, as EMQX Platform names them. */
export const PLATFORM_SCOPES = ['tls_certificate_management', 'deployment_management', 'project_management'] as const;
export type PlatformScope = (typeof PLATFORM_SCOPES)[number];

/**
 * A Platform API Key's Functionality Scope: EMQX Platform's three, and Keyward's own
 * `legacy_key_import` (importing a full-access Dedicated v4 key with a secret of the caller's
 * choosing is a privileged act, so no other scope implies it; off unless ticked).
 */
export const PLATFORM_SCOPES = ['tls_certificate_management', 'deployment_management', 'project_management', 'legacy_key_import'] as const;
export type PlatformScope = (typeof PLATFORM_SCOPES)[number];

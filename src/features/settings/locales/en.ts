import type { Widen } from '@/locales/widen';

/** The settings feature's English strings (loaded with the console); the app merges every feature's into one bundle. */
export const settingsEn = {
  settings: {
    title: 'Settings',
    keyPolicy: 'Key policy',
    maxLifetime: 'Maximum key lifetime',
    maxLifetimeHint: 'In days. Empty: no maximum.',
    allowNever: 'Allow keys that never expire',
    existingKeep:
      'New keys and rolled secrets follow this policy. Existing keys keep their expiry.',
    saved: 'Key policy saved',
  },
  twoFactorPolicy: {
    title: 'Two-factor authentication',
    label: 'Require two-factor authentication',
    off: 'Not required',
    admins: 'For Root and Administrators',
    everyone: 'For everyone',
    hint: "Applies from each account's next sign-in: an account without a second factor is sent to set one up before anything else.",
    saved: 'Two-factor policy saved',
  },
  sso: {
    title: 'Single sign-on (OpenID Connect)',
    hint: 'People sign in with your identity provider (Okta, Microsoft Entra ID, Google Workspace, Keycloak, …). Accounts are matched by verified email; someone new gets the default role. The Root account always signs in with its password and second factor.',
    redirectUri: 'Redirect URI',
    redirectUriHint: 'Register this address with your identity provider.',
    issuer: 'Issuer URL',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    secretKept: 'Saved. Leave empty to keep it.',
    domains: 'Allowed email domains',
    domainsHint: 'Separated by commas. Empty: any verified email.',
    defaultRole: 'Role for new accounts',
    defaultRoleHint: 'Given at a first sign-in with SSO. Never Root.',
    ssoOnly: 'Sign in with SSO only',
    ssoOnlyHint: 'Password and passkey sign-in close for every account but Root.',
    saved: 'Single sign-on saved',
    remove: 'Turn off single sign-on',
    removeConfirm:
      'Turn off single sign-on? People sign in with their passwords again; accounts made by SSO have no password and cannot sign in until it is back.',
  },
} as const;

export type SettingsMessages = Widen<typeof settingsEn>;

import type { Widen } from '@/locales/widen';

/** The deployment-keys feature's English strings (loaded with the console); the app merges every feature's into one bundle. */
export const deploymentKeysEn = {
  picker: {
    search: 'Search APIs',
    searchPlaceholder: 'Path, summary or category',
    matches_one: '{{count}} API matches',
    matches_other: '{{count}} APIs match',
    selectedOnly: 'Show selected only',
    selectColumn: 'Select',
    api: 'API',
    noMatches: 'No API matches your search.',
    endpointCount_one: '{{count}} API',
    endpointCount_other: '{{count}} APIs',
    summary_one: '{{count}} permission in {{categories}}',
    summary_other: '{{count}} permissions in {{categories}}',
    categoryCount_one: '{{count}} category',
    categoryCount_other: '{{count}} categories',
    notSupported: 'Not supported by this endpoint',
    massGrantTitle: 'Grant many permissions?',
    massGrant_one: 'This adds {{count}} permission at once. Grant it?',
    massGrant_other:
      'This adds {{count}} permissions at once. A key should hold only what its client needs. Grant them?',
    massGrantConfirm_one: 'Grant {{count}} permission',
    massGrantConfirm_other: 'Grant {{count}} permissions',
    noChanges: 'No changes yet',
    changesLabel: 'Changes: {{added}} added, {{removed}} removed',
    added_one: '{{count}} permission added',
    added_other: '{{count}} permissions added',
    removed_one: '{{count}} permission removed',
    removed_other: '{{count}} permissions removed',
    readOnly: 'Read-only',
    copyFromKey: 'Copy from key…',
    clear: 'Clear',
    testAccess: 'Test access',
    testAccessCall: 'Method and path',
    test: 'Test',
    allowedBy: 'Allowed by {{grant}}.',
    deniedNoGrant: 'Denied: no permission for this method and endpoint (403).',
    forwardedAs: 'Forwarded as',
    outcomes: {
      allowed: 'Allowed',
      denied: 'Denied',
      method_not_allowed: 'Method not supported',
      not_found: 'No such endpoint',
      invalid_path: 'Refused path',
    },
  },
} as const;

export type DeploymentKeysMessages = Widen<typeof deploymentKeysEn>;

import type { Widen } from '@/locales/widen';

/** The key-review feature's English strings (loaded with the console); the app merges every feature's into one bundle. */
export const keyReviewEn = {
  review: {
    disabled: 'Disabled',
    select: 'Select {{key}}',
    selectAll: 'Select every key shown',
    actions: {
      label: 'Selected keys',
      selected_one: '{{count}} key selected',
      selected_other: '{{count}} keys selected',
      disable: 'Disable',
      expire: 'Set expiry',
      delete: 'Delete',
      disableTitle_one: 'Disable {{count}} key',
      disableTitle_other: 'Disable {{count}} keys',
      disableMessage:
        'Disable {{keys}}? Every client using them is refused until they are enabled again.',
      deleteTitle_one: 'Delete {{count}} key',
      deleteTitle_other: 'Delete {{count}} keys',
      deleteMessage:
        'Delete {{keys}}? Every client using them stops working at once. This cannot be undone.',
      expireTitle_one: 'Set the expiry of {{count}} key',
      expireTitle_other: 'Set the expiry of {{count}} keys',
      expireMessage: 'Each selected key stops working at this time, within the key policy.',
      disableDone_one: '{{count}} key disabled',
      disableDone_other: '{{count}} keys disabled',
      deleteDone_one: '{{count}} key deleted',
      deleteDone_other: '{{count}} keys deleted',
      expireDone_one: 'Expiry set on {{count}} key',
      expireDone_other: 'Expiry set on {{count}} keys',
      failed_one: '{{count}} key was not changed: {{keys}}',
      failed_other: '{{count}} keys were not changed: {{keys}}',
    },
    title: 'Key review',
    intro:
      'Keys worth a second look: unused for 30 days, never expiring, with full access or more than 50 permissions, or created by an account that has since been removed or disabled.',
    hideReviewed: 'Hide reviewed keys',
    empty: 'No key needs a second look.',
    key: 'Key',
    reasons: 'Why',
    reviewed: 'Reviewed',
    reviewedBy: 'Reviewed by {{who}}, {{at}}',
    removedAccount: 'a removed account',
    mark: 'Mark reviewed',
    markLabel: 'Mark {{key}} reviewed',
    platformKey: 'Platform API Key',
    reasonLabels: {
      unused_30d: 'Unused 30 days',
      never_expires: 'Never expires',
      full_access: 'Full access',
      many_grants: '{{count}} permissions',
      creator_gone: 'Creator removed or disabled',
    },
  },
} as const;

export type KeyReviewMessages = Widen<typeof keyReviewEn>;

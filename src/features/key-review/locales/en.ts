import type { Widen } from '@/locales/widen';

/** The key-review feature's English strings (loaded with the console); the app merges every feature's into one bundle. */
export const keyReviewEn = {
  review: {
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

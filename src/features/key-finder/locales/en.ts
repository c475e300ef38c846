import type { Widen } from '@/locales/widen';

/** The "Find key by secret" page's English strings (loaded with the console). */
export const keyFinderEn = {
  keyFinder: {
    title: 'Find key by secret',
    hint: 'Found a secret somewhere it should not be? Paste it: Keyward finds its key by the keyed hash, then you can roll or delete it at once.',
    secret: 'Secret',
    find: 'Find',
    notFound: 'No key of this organisation has this secret.',
    foundPlatform: 'Platform API Key {{key}}',
    foundDeployment: 'Deployment API Key {{key}} of {{deployment}}',
    foundPrevious: 'This is the old secret of a rolled key, still in its grace period.',
    deleteFound: 'Delete {{key}}? Every client using it stops working at once.',
    deletedFound: '{{key}} deleted',
    open: 'Open',
    intro:
      'Incident response: a secret turned up in a log, a repository or a ticket. Find its key here, then roll its secret or delete it. The search is recorded in the audit log; the secret is never stored or logged.',
  },
} as const;

export type KeyFinderMessages = Widen<typeof keyFinderEn>;

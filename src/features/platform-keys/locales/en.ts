import type { Widen } from '@/locales/widen';

/** The platform-keys feature's own English strings (loaded with the console; the list's are in src/locales). */
export const platformKeysEn = {
  platformKeyPage: {
    kind: 'Platform API Key',
    back: 'Platform API Keys',
    access: 'Access',
    deleted: '{{key}} deleted',
  },
} as const;

export type PlatformKeysMessages = Widen<typeof platformKeysEn>;

import { authEn } from '@/features/auth/locales/en';
import { en as sharedEn } from '@/locales/en';
import type { Widen } from '@/locales/widen';

/** Strings the first screen needs (shell, sign-in, setup): shared ones and the auth feature's. */
export const en = { ...sharedEn, ...authEn };
export type Messages = Widen<typeof en>;

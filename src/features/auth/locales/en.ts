import type { Widen } from '@/locales/widen';

/** The auth feature's English strings (loaded before sign-in); the app merges every feature's into one bundle. */
export const authEn = {
  setup: {
    title: 'Create the Root account',
    intro:
      'Welcome to Keyward. Set up your organization and its Root account: it can do everything and cannot be removed.',
    organizationName: 'Organization name',
    email: 'Email',
    password: 'Password',
    confirmPassword: 'Confirm password',
    passwordHint: 'At least 12 characters.',
    passwordsDiffer: 'The passwords do not match',
    submit: 'Create',
  },
} as const;

export type AuthMessages = Widen<typeof authEn>;

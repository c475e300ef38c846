import type { Widen } from '@/locales/widen';

/** The users feature's English strings (loaded with the console); the app merges every feature's into one bundle. */
export const usersEn = {
  users: {
    title: 'Users',
    newUser: 'New User',
    createTitle: 'New User',
    readOnly: 'You can view accounts but not change them.',
    emptyTitle: 'No users',
    you: 'you',
    active: 'Active',
    disabled: 'Disabled',
    disable: 'Disable',
    enable: 'Enable',
    changeRole: 'Change role of {{name}}',
    actionsFor: 'Actions for {{name}}',
    removeTitle: 'Remove user',
    removeConfirm: 'Remove {{name}}? They will be signed out and can no longer sign in.',
    created: 'User {{name}} created',
    removed: 'User removed',
    resetTwoFactor: 'Reset 2FA',
    resetTwoFactorTitle: 'Reset two-factor authentication',
    resetTwoFactorConfirm:
      "Remove {{name}}'s authenticator app and recovery codes? They are signed out and sign in with their password alone (or are asked to set up a new factor if the organisation requires one).",
    resetTwoFactorDone: 'Two-factor authentication reset for {{name}}',
    roleChanged: 'Role changed',
    namePlaceholder: 'Optional',
    initialPassword: 'Initial password; share it with the user over a safe channel.',
  },
} as const;

export type UsersMessages = Widen<typeof usersEn>;

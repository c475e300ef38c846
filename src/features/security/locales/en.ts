import type { Widen } from '@/locales/widen';

/** The security feature's English strings (loaded with the console); the app merges every feature's into one bundle. */
export const securityEn = {
  security: {
    title: 'Security',
    twoFactor: 'Two-factor authentication',
    requiredNotice:
      'Your organisation requires two-factor authentication. Set up an authenticator app or a passkey to continue.',
    notSetUp:
      'Not set up. Add an authenticator app or a passkey: after your password, sign-in then asks for one of them.',
    on: 'On',
    appOn: 'Authenticator app',
    recoveryLeft_one: '{{count}} recovery code left',
    recoveryLeft_other: '{{count}} recovery codes left',
    setUp: 'Set up authenticator app',
    setUpTitle: 'Set up an authenticator app',
    scan: 'Scan this QR code with an authenticator app (Google Authenticator, 1Password, Microsoft Authenticator, …), or type the setup key into it.',
    qrAlt: 'QR code for the authenticator app',
    setupKey: 'Setup key',
    enterCode: 'Then enter the 6-digit code the app shows',
    code: 'Code',
    verify: 'Verify and turn on',
    codesTitle: 'Save your recovery codes',
    codesHint:
      'Each code signs you in once if you lose your authenticator app. Keep them somewhere safe: they are shown only now.',
    codesLabel: 'Recovery codes',
    copyCodes: 'Copy all',
    codesWhat: 'recovery codes',
    download: 'Download',
    saved: 'I have saved them',
    regenerate: 'Generate new recovery codes',
    regenerateHint:
      'The codes you have now stop working. Enter a code from your authenticator app to continue.',
    remove: 'Remove authenticator app',
    removeHint:
      'Sign-in will ask only for your password again. Enter a code from your authenticator app, or a recovery code, to continue.',
    removed: 'Removed. Your other sessions were signed out.',
    confirmCode: 'Authenticator or recovery code',
    continue: 'Continue',
    sessions: 'Sessions',
    sessionsHint:
      'Where your account is signed in. Turning a second factor on or off signs out every other session.',
    device: 'Device',
    address: 'Address',
    signedIn: 'Signed in',
    lastSeen: 'Last active',
    thisSession: 'This session',
    signOut: 'Sign out',
    signOutOf: 'Sign out {{device}}',
    signedOut: 'Session signed out',
    signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereConfirm:
      'Sign out of every session, this one included? You will need to sign in again.',
    unknownDevice: 'Unknown device',
    deviceOn: '{{browser}} on {{system}}',
    passkeys: 'Passkeys and security keys',
    passkeysHint:
      'Sign in with your fingerprint, face, screen lock or a security key, with or without your password.',
    addPasskey: 'Add a passkey',
    addPasskeyHint:
      'Your browser asks you to create a passkey on this device, on your phone, or on a security key.',
    passkeyName: 'Name',
    passkeyDefaultName: 'Passkey',
    passkeyAdded: 'Passkey {{name}} added; your other sessions were signed out.',
    passkeyFacts: 'Added {{added}} from {{from}} · last used {{used}}',
    addedFacts: 'Turned on {{added}} from {{from}}',
    unknownAddress: 'an unrecorded address',
    never: 'never',
    removePasskey: 'Remove passkey {{name}}',
    removePasskeyHint:
      'Enter a code from your authenticator app or a recovery code, or use one of your passkeys, to continue.',
    usePasskey: 'Use a passkey',
    password: 'Password',
    passwordHint: 'Changing it signs out every other session of your account.',
    changePassword: 'Change password',
    changePasswordHint: 'Enter your current password, then the new one twice.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint: 'At least 12 characters.',
    repeatPassword: 'New password again',
    passwordsDiffer: 'The two new passwords differ',
    passwordChanged: 'Password changed; your other sessions were signed out.',
  },
} as const;

export type SecurityMessages = Widen<typeof securityEn>;

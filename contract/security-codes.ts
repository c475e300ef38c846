// Kept free of zod so the sign-in screen can use them without the schema library (see security.ts).

/** What the second step of a sign-in accepts. */
export const SECOND_FACTOR_METHODS = ['totp', 'recovery_code', 'passkey'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

export const SECURITY_ERROR_CODES = {
  /** 401 after a right password: the account has a second factor (details.methods). */
  secondFactorRequired: 'SECOND_FACTOR_REQUIRED',
  /** 403: the organisation requires a second factor this account must set up first. */
  setupRequired: 'TWO_FACTOR_SETUP_REQUIRED',
  invalidCode: 'INVALID_CODE',
  invalidPasskey: 'INVALID_PASSKEY',
  /** 403: a sensitive change needs a recent sign-in or "Confirm it's you" (POST /account/reauthentication). */
  reauthenticationRequired: 'REAUTH_REQUIRED',
  /** 401 on "Confirm it's you": the password is not the account's. */
  wrongPassword: 'WRONG_PASSWORD',
} as const;

/** How a signed-in person may confirm it's them again; 'sso' goes through the organisation's provider. */
export const REAUTHENTICATION_METHODS = ['password', 'totp', 'passkey', 'recovery_code', 'sso'] as const;
export type ReauthenticationMethod = (typeof REAUTHENTICATION_METHODS)[number];

/** Who must have a second factor to sign in (Settings, Root and Administrators). */
export const TWO_FACTOR_POLICIES = ['off', 'admins', 'everyone'] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];

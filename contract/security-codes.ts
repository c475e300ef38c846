// Kept free of zod so the sign-in screen can use them without the schema library (see security.ts).

/** What the second step of a sign-in accepts. */
export const SECOND_FACTOR_METHODS = ['totp', 'recovery_code', 'passkey'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

/** How a signed-in person may confirm it's them again; 'sso' goes through the organisation's provider. */
export const REAUTHENTICATION_METHODS = ['password', 'totp', 'passkey', 'recovery_code', 'sso'] as const;
export type ReauthenticationMethod = (typeof REAUTHENTICATION_METHODS)[number];

/** Who must have a second factor to sign in (Settings, Root and Administrators). */
export const TWO_FACTOR_POLICIES = ['off', 'admins', 'everyone'] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];

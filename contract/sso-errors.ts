// Kept free of zod: the sign-in page reads these from its address (?sso_error=...).

/** Why an SSO sign-in came back without a session; the sign-in page says it in words. */
export const SSO_ERRORS = [
  'not_configured',
  'state',
  'failed',
  'email_unverified',
  'domain_not_allowed',
  'account_disabled',
  'root_not_allowed',
  'too_many',
] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

import { z } from 'zod';
import { plainText } from './fields';
import { SECOND_FACTOR_METHODS, TWO_FACTOR_POLICIES, type TwoFactorPolicy } from './security-codes';

export { SECOND_FACTOR_METHODS, SECURITY_ERROR_CODES, TWO_FACTOR_POLICIES, type SecondFactorMethod, type TwoFactorPolicy } from './security-codes';

export const twoFactorPolicySchema = z.object({ policy: z.enum(TWO_FACTOR_POLICIES) }).strict();

/** Whether a role must have a second factor under a policy: 'admins' means Root and Administrators. */
export const twoFactorRequired = (policy: TwoFactorPolicy, role: string): boolean =>
  policy === 'everyone' || (policy === 'admins' && (role === 'root' || role === 'admin'));

/** A code typed by a person: spaces and dashes are theirs to add. */
const typedCode = plainText(z.string().trim().min(1, { message: 'Required' }).max(64));

export const secondFactorRequestSchema = z.object({ method: z.enum(SECOND_FACTOR_METHODS), code: typedCode }).strict();
export type SecondFactorRequest = z.infer<typeof secondFactorRequestSchema>;

/** Confirms an action on one's own factors with a current authenticator or recovery code. */
export const codeRequestSchema = z.object({ code: typedCode }).strict();

/** The second step's error details: which methods the account can use. */
export const secondFactorDetailsSchema = z.object({ methods: z.array(z.enum(SECOND_FACTOR_METHODS)) });

export const securityStatusSchema = z.object({
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** The organisation's policy asks this account for a second factor. */
  required: z.boolean(),
});
export type SecurityStatus = z.infer<typeof securityStatusSchema>;

/** An authenticator app being set up: shown once, active only after a code confirms it. */
export const totpSetupSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type TotpSetup = z.infer<typeof totpSetupSchema>;

/** Ten one-time recovery codes, shown once. */
export const recoveryCodesSchema = z.object({ codes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const accountSessionSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;
export const accountSessionsSchema = z.object({ sessions: z.array(accountSessionSchema) });

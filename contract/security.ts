import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordSchema, plainText } from './fields';
import { REAUTHENTICATION_METHODS, SECOND_FACTOR_METHODS, TWO_FACTOR_POLICIES, type TwoFactorPolicy } from './security-codes';

export {
  REAUTHENTICATION_METHODS,
  SECOND_FACTOR_METHODS,
  TWO_FACTOR_POLICIES,
  type ReauthenticationMethod,
  type SecondFactorMethod,
  type TwoFactorPolicy,
} from './security-codes';

export const twoFactorPolicySchema = z.object({ policy: z.enum(TWO_FACTOR_POLICIES) }).strict();

/** Whether a role must have a second factor under a policy: 'admins' means Root and Administrators. */
export const twoFactorRequired = (policy: TwoFactorPolicy, role: string): boolean =>
  policy === 'everyone' || (policy === 'admins' && (role === 'root' || role === 'admin'));

/** A code typed by a person: spaces and dashes are theirs to add. */
const typedCode = plainText(z.string().trim().min(1, { message: 'Required' }).max(64));

/**
 * What a browser's WebAuthn call answered (@simplewebauthn/browser's JSON): checked for shape and
 * size here, and for everything else by the server's WebAuthn library.
 */
export const webauthnResponseSchema = z.looseObject({
  id: z.string().min(1).max(1400),
  rawId: z.string().min(1).max(1400),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().max(16_384) }),
  clientExtensionResults: z.looseObject({}),
});

/** A passkey's answer to the challenge `challengeId` named. */
export const passkeyAnswerSchema = z.object({ challengeId: z.uuid(), response: webauthnResponseSchema }).strict();

export const secondFactorRequestSchema = z.discriminatedUnion('method', [
  z.object({ method: z.enum(['totp', 'recovery_code']), code: typedCode }).strict(),
  passkeyAnswerSchema.extend({ method: z.literal('passkey') }).strict(),
]);
export type SecondFactorRequest = z.infer<typeof secondFactorRequestSchema>;

/** Proof that the person at the keyboard holds a factor now: a current code, or a passkey's answer. */
export const reauthenticationSchema = z.union([z.object({ code: typedCode }).strict(), passkeyAnswerSchema]);
export type Reauthentication = z.infer<typeof reauthenticationSchema>;

/** "Confirm it's you": the password, or a factor the account holds (the provider's way is a redirect). */
export const confirmItsYouRequestSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), password: z.string().min(1, { message: 'Required' }).max(PASSWORD_MAX_LENGTH) }).strict(),
  ...secondFactorRequestSchema.options,
]);
export type ConfirmItsYouRequest = z.infer<typeof confirmItsYouRequestSchema>;

/** What "Confirm it's you" may offer this account, and until when the session is fresh (null: not now). */
export const reauthenticationStatusSchema = z.object({
  methods: z.array(z.enum(REAUTHENTICATION_METHODS)),
  freshUntil: z.string().nullable(),
});
export type ReauthenticationStatus = z.infer<typeof reauthenticationStatusSchema>;

/** Confirms the authenticator app being set up with its first code. */
export const codeRequestSchema = z.object({ code: typedCode }).strict();

/** Options for the browser's WebAuthn call, and the challenge's id to answer with. */
export const passkeyOptionsSchema = z.object({ challengeId: z.uuid(), options: z.record(z.string(), z.unknown()) });
export type PasskeyOptions = z.infer<typeof passkeyOptionsSchema>;

export const addPasskeyRequestSchema = passkeyAnswerSchema.extend({ name: plainText(z.string().trim().min(1, { message: 'Required' }).max(64)) }).strict();

export const passkeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  /** The client address it was added from (null: added before Keyward kept it). */
  createdFrom: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type Passkey = z.infer<typeof passkeySchema>;

/** The second step's error details: which methods the account can use. */
export const secondFactorDetailsSchema = z.object({ methods: z.array(z.enum(SECOND_FACTOR_METHODS)) });

export const securityStatusSchema = z.object({
  totp: z.boolean(),
  /** When and from where the authenticator app was turned on (null: off, or from before Keyward kept it). */
  totpAddedAt: z.string().nullable(),
  totpAddedFrom: z.string().nullable(),
  passkeys: z.array(passkeySchema),
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

/** A new password for one's own account: the current one proves it is the owner at the keyboard. */
export const changePasswordRequestSchema = z
  .object({ currentPassword: z.string().min(1, { message: 'Required' }).max(PASSWORD_MAX_LENGTH), newPassword: passwordSchema })
  .strict();
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

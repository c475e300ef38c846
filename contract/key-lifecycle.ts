import { z } from 'zod';
import { isoDateTimeSchema } from './fields';
import { isAddressOrRange, KEY_LIFETIME_CAP_DAYS, ROLL_GRACE_SECONDS } from './key-lifecycle-rules';

export { EXPIRING_SOON_DAYS, isAddressOrRange, KEY_LIFETIME_CAP_DAYS, ROLL_GRACE_SECONDS } from './key-lifecycle-rules';

/**
 * What bounds an API key in time and place, shared by Platform and Deployment API Keys: expiry,
 * disable, client address allow-list, and the grace of a rolled secret.
 */

export const allowedAddressesSchema = z
  .array(z.string().trim().refine(isAddressOrRange, { message: 'Enter an IPv4 or IPv6 address or CIDR range' }))
  .max(100)
  .transform((entries) => [...new Set(entries)]);

/** The lifecycle fields every key carries in responses. */
export const keyLifecycleSchema = z.object({
  expiresAt: isoDateTimeSchema.nullable(),
  disabled: z.boolean(),
  allowedAddresses: z.array(z.string()),
  /** Until when the secret a roll replaced still works (null: no grace running). */
  previousSecretValidUntil: isoDateTimeSchema.nullable(),
  lastUsedAddress: z.string().nullable(),
  /** Which secret the last request used: the current one, or the one a roll replaced. */
  lastUsedSecret: z.enum(['current', 'previous']).nullable(),
});
export type KeyLifecycle = z.infer<typeof keyLifecycleSchema>;

const expiresAtSchema = z.iso.datetime({ offset: true }).nullable();

/** Lifecycle fields a new key may set; `expiresAt` omitted takes the organisation's default. */
export const newKeyLifecycleSchema = z.object({
  expiresAt: expiresAtSchema.optional(),
  allowedAddresses: allowedAddressesSchema.optional(),
});

/** A change to a key's lifecycle: any of expiry, disabled and allowed addresses. */
export const keyLifecycleChangeSchema = z
  .object({
    expiresAt: expiresAtSchema.optional(),
    disabled: z.boolean().optional(),
    allowedAddresses: allowedAddressesSchema.optional(),
    /** Ends a running roll grace at once: the replaced secret stops working. */
    endGrace: z.literal(true).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type KeyLifecycleChange = z.input<typeof keyLifecycleChangeSchema>;

export const rollKeyRequestSchema = z.object({
  graceSeconds: z.union(ROLL_GRACE_SECONDS.map((seconds) => z.literal(seconds)) as [z.ZodLiteral<0>, z.ZodLiteral<3600>, z.ZodLiteral<86400>, z.ZodLiteral<604800>]),
}).strict();
export type RollKeyRequest = z.infer<typeof rollKeyRequestSchema>;

/** The organisation's key policy (Settings). */
export const keyPolicySchema = z
  .object({
    /** null: no maximum. */
    maxKeyLifetimeDays: z.number().int().min(1).max(KEY_LIFETIME_CAP_DAYS).nullable(),
    allowNeverExpiring: z.boolean(),
  })
  .strict();
export type KeyPolicy = z.infer<typeof keyPolicySchema>;

/**
 * A new organisation's key policy, as GitHub's fine-grained tokens: every key expires, within
 * 366 days. An organisation that exists keeps the policy it has.
 */
export const NEW_ORGANIZATION_KEY_POLICY: KeyPolicy = { maxKeyLifetimeDays: 366, allowNeverExpiring: false };

export const findKeyRequestSchema = z.object({ secret: z.string().trim().min(1, { message: 'Required' }).max(512) }).strict();

/** The key a pasted secret belongs to, if any. */
export const foundKeySchema = z.object({
  kind: z.enum(['platform', 'deployment']),
  id: z.uuid(),
  /** The Platform API Key or the App ID: public halves. */
  key: z.string(),
  note: z.string(),
  deploymentId: z.string().nullable(),
  deploymentName: z.string().nullable(),
  /** The secret is one a roll replaced (still in its grace). */
  previous: z.boolean(),
});
export type FoundKey = z.infer<typeof foundKeySchema>;
export const findKeyResponseSchema = z.object({ key: foundKeySchema.nullable() });

/** Keys that stop working within EXPIRING_SOON_DAYS, for the Deployments page's banner. */
export const expiringKeysSchema = z.object({
  keys: z.array(
    z.object({
      kind: z.enum(['platform', 'deployment']),
      id: z.uuid(),
      key: z.string(),
      note: z.string(),
      expiresAt: isoDateTimeSchema,
      deploymentId: z.string().nullable(),
      deploymentName: z.string().nullable(),
    }),
  ),
});
export type ExpiringKeys = z.infer<typeof expiringKeysSchema>;

import { z } from 'zod';
import { isoDateTimeSchema } from './fields';

/**
 * What bounds an API key in time and place, shared by Platform and Deployment API Keys: expiry,
 * disable, client address allow-list, and the grace of a rolled secret.
 */

/** Keys expiring within this many days are marked "expiring soon". */
export const EXPIRING_SOON_DAYS = 7;

/** When a rolled secret stops working: now, in 1 hour, 24 hours or 7 days (seconds). */
export const ROLL_GRACE_SECONDS = [0, 3_600, 86_400, 604_800] as const;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length (`10.0.0.0/8`, `2001:db8::/32`). */
export function isAddressOrRange(text: string): boolean {
  const [address = '', bits, ...rest] = text.split('/');
  if (rest.length > 0) return false;
  const v4 = IPV4.test(address);
  let v6 = false;
  if (!v4 && address.includes(':') && /^[0-9a-fA-F:.]+$/.test(address)) {
    try {
      new URL(`http://[${address}]/`);
      v6 = true;
    } catch {
      v6 = false;
    }
  }
  if (!v4 && !v6) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128));
}

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
    maxKeyLifetimeDays: z.number().int().min(1).max(3_650).nullable(),
    allowNeverExpiring: z.boolean(),
  })
  .strict();
export type KeyPolicy = z.infer<typeof keyPolicySchema>;

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

import { z } from 'zod';
import { plainText } from './fields';
import { assignableRoleSchema } from './role-schema';

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: 'Enter a domain such as example.com' });

/** The organisation's OpenID Connect provider, as Root and Administrators set it on Settings. */
export const ssoSettingsRequestSchema = z
  .object({
    issuer: z.url({ protocol: /^https?$/ }).max(500),
    clientId: plainText(z.string().trim().min(1, { message: 'Required' }).max(255)),
    /** Left out when it is not being changed: the sealed one stays. */
    clientSecret: z.string().min(1).max(2000).optional(),
    allowedDomains: z.array(domainSchema).max(50),
    /** What an account made at its first SSO sign-in gets: never Root. */
    defaultRole: assignableRoleSchema,
    ssoOnly: z.boolean(),
  })
  .strict();
export type SsoSettingsRequest = z.input<typeof ssoSettingsRequestSchema>;

/** The settings as shown back: never the client secret, only whether there is one. */
export const ssoSettingsSchema = z.object({
  configured: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  allowedDomains: z.array(z.string()),
  defaultRole: assignableRoleSchema,
  ssoOnly: z.boolean(),
  /** Where the provider sends people back: register it with the provider. */
  redirectUri: z.string(),
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

/** For the sign-in page, before anyone is signed in. */
export const ssoStatusSchema = z.object({ enabled: z.boolean() });

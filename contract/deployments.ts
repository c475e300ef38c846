import { z } from 'zod';
import { DEPLOYMENT_STATUSES, DEPLOYMENT_TYPES, isVersionValidFor, versionRuleOf } from './deployment-types';
import { isoDateTimeSchema, labelText, multilineText, pageQueryFields, plainText } from './fields';
import { REGION_IDS } from './regions';

export const deploymentTypeSchema = z.enum(DEPLOYMENT_TYPES);
export const deploymentStatusSchema = z.enum(DEPLOYMENT_STATUSES);

export const tlsSummarySchema = z.object({
  tlsType: z.enum(['one-way', 'two-way']),
  subject: z.string(),
  subjectAltNames: z.array(z.string()),
  issuer: z.string(),
  validFrom: isoDateTimeSchema,
  validTo: isoDateTimeSchema,
  fingerprint256: z.string(),
  hasClientCa: z.boolean(),
  expiresWithin30Days: z.boolean(),
  updatedAt: isoDateTimeSchema,
});
export type TlsSummary = z.infer<typeof tlsSummarySchema>;

export const deploymentSchema = z.object({
  id: z.string(),
  name: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  type: deploymentTypeSchema,
  emqxVersion: z.string(),
  region: z.string(),
  platform: z.string(),
  status: deploymentStatusSchema,
  /** Whether the gateway forwards anywhere; the URL and API key are null to those who may not change them. */
  hasUpstream: z.boolean(),
  upstreamUrl: z.string().nullable(),
  upstreamApiKey: z.string().nullable(),
  hasUpstreamSecret: z.boolean(),
  /** How many Deployment API Keys it has. */
  keyCount: z.number().int(),
  createdAt: isoDateTimeSchema,
  /**
   * What the signed-in account may do: operate (start, stop, rename, delete), configure (TLS,
   * keys) and change the upstream.
   */
  permissions: z.object({ operate: z.boolean(), configure: z.boolean(), upstream: z.boolean() }),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentNameSchema = labelText(z.string().trim().min(1, { message: 'Required' }).max(64));

/** One page, oldest first; `nextCursor` fetches the page after it (null on the last page). */
export const deploymentListSchema = z.object({ deployments: z.array(deploymentSchema), nextCursor: z.string().nullable() });
export const deploymentListQuerySchema = z.object({
  search: plainText(z.string().trim().max(100)).optional(),
  ...pageQueryFields,
});

const optionalText = plainText(z.string().trim().max(2048))
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * Where the gateway forwards: http or https, and never with a user name or password in the URL
 * (the upstream's credentials are the API key and secret, stored sealed and never shown).
 */
const upstreamUrlSchema = optionalText.pipe(
  z
    .url({ protocol: /^https?$/, message: 'Enter an http:// or https:// URL' })
    .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), { message: 'Give the credentials as the API key and secret, not in the URL' })
    .optional(),
);

const upstreamFields = {
  upstreamUrl: upstreamUrlSchema,
  upstreamApiKey: optionalText,
  upstreamApiSecret: optionalText,
};

/** The URL, API key and secret of an upstream come together or not at all. */
function requireUpstreamTogether(
  request: { upstreamUrl?: string | undefined; upstreamApiKey?: string | undefined; upstreamApiSecret?: string | undefined },
  context: z.RefinementCtx,
): void {
  const upstreamParts = [request.upstreamUrl, request.upstreamApiKey, request.upstreamApiSecret];
  if (upstreamParts.some(Boolean) && !upstreamParts.every(Boolean)) {
    for (const [field, value] of [
      ['upstreamUrl', request.upstreamUrl],
      ['upstreamApiKey', request.upstreamApiKey],
      ['upstreamApiSecret', request.upstreamApiSecret],
    ] as const) {
      if (!value) context.addIssue({ code: 'custom', path: [field], message: 'Give the upstream URL, API key and secret together' });
    }
  }
}

export const createDeploymentRequestSchema = z
  .object({
    name: deploymentNameSchema,
    projectId: z.uuid({ message: 'Choose a project' }),
    type: deploymentTypeSchema,
    emqxVersion: plainText(z.string().trim().min(1, { message: 'Required' }).max(32)),
    region: z.enum(REGION_IDS, { message: 'Choose a region' }),
    ...upstreamFields,
  })
  .superRefine((request, context) => {
    if (!isVersionValidFor(request.type, request.emqxVersion)) {
      context.addIssue({
        code: 'custom',
        path: ['emqxVersion'],
        message: versionRuleOf(request.type),
      });
    }
    requireUpstreamTogether(request, context);
  });
export type CreateDeploymentRequest = z.input<typeof createDeploymentRequestSchema>;

/** Replaces a deployment's upstream (all three fields), or removes it (all three empty). */
export const upstreamChangeRequestSchema = z.object(upstreamFields).strict().superRefine(requireUpstreamTogether);
export type UpstreamChangeRequest = z.input<typeof upstreamChangeRequestSchema>;

/**
 * EMQX Platform's deployment ids (a letter and seven hex digits). Every surface's `:id` is held
 * to it, so a decoded parameter can never be a path, a dot segment or a control character.
 */
export const deploymentIdSchema = z.string().regex(/^[a-z][0-9a-f]{7}$/);
export const deploymentParamsSchema = z.object({ id: deploymentIdSchema });

export const tlsUploadRequestSchema = z
  .object({
    tlsType: z.enum(['one-way', 'two-way']),
    cert: multilineText(z.string().min(1, { message: 'Required' }).max(65_536)),
    key: multilineText(z.string().min(1, { message: 'Required' }).max(65_536)),
    cacert: multilineText(z.string().max(65_536)).optional(),
  })
  .strict();
export type TlsUploadRequest = z.infer<typeof tlsUploadRequestSchema>;

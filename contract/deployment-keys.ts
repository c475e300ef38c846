import { z } from 'zod';
import { labelText, pageQueryFields, plainText } from './fields';
import { deploymentIdSchema } from './deployments';
import { DEPLOYMENT_TYPES } from './deployment-types';
import { HTTP_METHODS } from './endpoint-catalog';
import { keyAttributesInputSchema, keyAttributesSchema } from './key-attributes';
import { labelFilterSchema } from './key-labels';
import { keyLifecycleSchema, newKeyLifecycleSchema } from './key-lifecycle';
import { keyDayActivitySchema } from './usage';
import { isoDateTimeSchema } from './fields';

export const permissionSchema = z.object({
  method: plainText(z.string().max(10)),
  path: plainText(z.string().min(1).max(512)),
});

export const deploymentKeySchema = z.object({
  id: z.uuid(),
  appId: z.string(),
  note: z.string(),
  ...keyAttributesSchema.shape,
  fullAccess: z.boolean(),
  legacy: z.boolean(),
  permissions: z.array(z.object({ method: z.enum(HTTP_METHODS), path: z.string() })),
  createdBy: z.string().nullable(),
  createdAt: isoDateTimeSchema.nullable(),
  lastUsedAt: isoDateTimeSchema.nullable(),
  version: z.number().int(),
  ...keyLifecycleSchema.shape,
});
export type DeploymentKey = z.infer<typeof deploymentKeySchema>;

/** One page of a deployment's keys, oldest first; `nextCursor` fetches the page after it (null on the last). */
export const deploymentKeyListSchema = z.object({ keys: z.array(deploymentKeySchema), nextCursor: z.string().nullable() });
export type DeploymentKeyPage = z.infer<typeof deploymentKeyListSchema>;
export const deploymentKeyListQuerySchema = z.object(pageQueryFields).strict();

/** The one response that carries the App Secret: the one that creates the key. */
export const createdDeploymentKeySchema = deploymentKeySchema.extend({ appSecret: z.string() });
export type CreatedDeploymentKey = z.infer<typeof createdDeploymentKeySchema>;

const noteSchema = labelText(z.string().trim().max(255, { message: 'At most 255 characters' }));
const permissionsSchema = z.array(permissionSchema).max(5000);

/** Dedicated keys send a note and permissions; Serverless keys send neither (full access). */
export const createDeploymentKeyRequestSchema = z
  .object({
    note: noteSchema.optional(),
    ...keyAttributesInputSchema.shape,
    permissions: permissionsSchema.optional(),
    ...newKeyLifecycleSchema.shape,
  })
  .strict();
export type CreateDeploymentKeyRequest = z.input<typeof createDeploymentKeyRequestSchema>;

/** Replaces note and permissions together (and the key's attributes sent), from the version the edit started at. */
export const updateDeploymentKeyRequestSchema = z
  .object({
    note: noteSchema,
    ...keyAttributesInputSchema.shape,
    permissions: permissionsSchema.min(1, { message: 'Grant at least one permission' }),
    version: z.number().int().positive(),
  })
  .strict();
export type UpdateDeploymentKeyRequest = z.input<typeof updateDeploymentKeyRequestSchema>;

export const deploymentKeyParamsSchema = z.object({ id: deploymentIdSchema, keyId: z.uuid() });

/** A key's own page: the key, and the deployment it belongs to. */
export const deploymentKeyWithDeploymentSchema = z.object({
  key: deploymentKeySchema,
  deployment: z.object({ id: z.string(), name: z.string(), type: z.enum(DEPLOYMENT_TYPES), projectId: z.uuid() }),
});
export type DeploymentKeyWithDeployment = z.infer<typeof deploymentKeyWithDeploymentSchema>;
export const keyIdParamsSchema = z.object({ keyId: z.uuid() });

/** An App ID and App Secret issued by EMQX before permissions existed, imported as they are. */
export const legacyKeyImportSchema = z
  .object({
    appId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, { message: 'Letters, digits, dot, dash and underscore only' }),
    appSecret: plainText(z.string().min(32, { message: 'Use at least 32 characters' }).max(256)),
    /** Omitted: the organisation's default; the key policy applies exactly as to a new key. */
    expiresAt: newKeyLifecycleSchema.shape.expiresAt,
  })
  .strict();

/** "Test access": could a key with these grants call `method path`? Answered by the gateway's own matcher. */
export const testAccessRequestSchema = z
  .object({
    method: plainText(z.string().trim().min(1, { message: 'Give a method' }).max(16)).transform((method) => method.toUpperCase()),
    /** Relative to the API's base path (`/clients/abc`), with it (`/api/v5/clients/abc`), or the full gateway URL. */
    path: plainText(z.string().min(1, { message: 'Give a path' }).max(2048)),
    permissions: permissionsSchema,
  })
  .strict();
export type TestAccessRequest = z.input<typeof testAccessRequestSchema>;

export const ACCESS_OUTCOMES = ['allowed', 'denied', 'method_not_allowed', 'not_found', 'invalid_path'] as const;
export const testAccessResultSchema = z.object({
  outcome: z.enum(ACCESS_OUTCOMES),
  /** The endpoint template the path routed to, if any. */
  endpoint: z.string().nullable(),
  /** The grant that allows it (null when it is not allowed). */
  grant: z.string().nullable(),
  /** The path exactly as the gateway would forward it. */
  canonicalPath: z.string().nullable(),
  message: z.string(),
});
export type TestAccessResult = z.infer<typeof testAccessResultSchema>;

/** The API Keys page: every Deployment API Key the account may see, across deployments. */
export const keyInventoryQuerySchema = z
  .object({
    /** App ID or note, anywhere in it, any case. */
    search: plainText(z.string().trim().max(128)).optional(),
    deploymentId: deploymentIdSchema.optional(),
    projectId: z.uuid().optional(),
    /** Who created it (their email, anywhere in it). */
    createdBy: plainText(z.string().trim().max(254)).optional(),
    /** `team=payments env`: every term must match (a name alone: the key has that label). */
    label: labelFilterSchema.optional(),
    ...pageQueryFields,
  })
  .strict();
export type KeyInventoryQuery = z.input<typeof keyInventoryQuerySchema>;

export const inventoryKeySchema = deploymentKeySchema.extend({
  deployment: z.object({ id: z.string(), name: z.string(), type: z.string(), projectId: z.uuid(), projectName: z.string() }),
  /** Its last 24 hours: the row's sparkline. */
  activity: keyDayActivitySchema,
});
export type InventoryKey = z.infer<typeof inventoryKeySchema>;
export const keyInventoryPageSchema = z.object({ keys: z.array(inventoryKeySchema), nextCursor: z.string().nullable() });
export type KeyInventoryPage = z.infer<typeof keyInventoryPageSchema>;

import { z } from 'zod';
import { labelText, plainText } from './fields';
import { deploymentIdSchema } from './deployments';
import { HTTP_METHODS } from './endpoint-catalog';
import { keyLifecycleSchema, newKeyLifecycleSchema } from './key-lifecycle';
import { isoDateTimeSchema } from './fields';

export const permissionSchema = z.object({
  method: plainText(z.string().max(10)),
  path: plainText(z.string().min(1).max(512)),
});

export const deploymentKeySchema = z.object({
  id: z.uuid(),
  appId: z.string(),
  note: z.string(),
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

export const deploymentKeyListSchema = z.object({ keys: z.array(deploymentKeySchema) });

/** The one response that carries the App Secret: the one that creates the key. */
export const createdDeploymentKeySchema = deploymentKeySchema.extend({ appSecret: z.string() });
export type CreatedDeploymentKey = z.infer<typeof createdDeploymentKeySchema>;

const noteSchema = labelText(z.string().trim().max(255, { message: 'At most 255 characters' }));
const permissionsSchema = z.array(permissionSchema).max(5000);

/** Dedicated keys send a note and permissions; Serverless keys send neither (full access). */
export const createDeploymentKeyRequestSchema = z
  .object({ note: noteSchema.optional(), permissions: permissionsSchema.optional(), ...newKeyLifecycleSchema.shape })
  .strict();
export type CreateDeploymentKeyRequest = z.input<typeof createDeploymentKeyRequestSchema>;

/** Replaces note and permissions together, from the version the edit started at. */
export const updateDeploymentKeyRequestSchema = z
  .object({
    note: noteSchema,
    permissions: permissionsSchema.min(1, { message: 'Grant at least one permission' }),
    version: z.number().int().positive(),
  })
  .strict();
export type UpdateDeploymentKeyRequest = z.input<typeof updateDeploymentKeyRequestSchema>;

export const deploymentKeyParamsSchema = z.object({ id: deploymentIdSchema, keyId: z.uuid() });

/** An App ID and App Secret issued by EMQX before permissions existed, imported as they are. */
export const legacyKeyImportSchema = z
  .object({
    appId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, { message: 'Letters, digits, dot, dash and underscore only' }),
    appSecret: plainText(z.string().min(32, { message: 'Use at least 32 characters' }).max(256)),
  })
  .strict();

import { z } from 'zod';
import { isoDateTimeSchema, labelText } from './fields';
import { keyAttributesInputSchema, keyAttributesSchema } from './key-attributes';
import { keyLifecycleSchema, newKeyLifecycleSchema } from './key-lifecycle';
import { PLATFORM_SCOPES } from './platform-scopes';

export const platformScopeSchema = z.enum(PLATFORM_SCOPES);

export const platformKeySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  note: z.string(),
  ...keyAttributesSchema.shape,
  scopes: z.array(platformScopeSchema),
  /** null: every project, including projects created later. */
  projects: z.array(z.object({ id: z.uuid(), name: z.string() })).nullable(),
  createdBy: z.string(),
  createdAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
  ...keyLifecycleSchema.shape,
});
export type PlatformKey = z.infer<typeof platformKeySchema>;

export const platformKeyListSchema = z.object({ keys: z.array(platformKeySchema) });

/** The one response that carries the Secret: the one that creates the key. */
export const createdPlatformKeySchema = platformKeySchema.extend({ secret: z.string() });
export type CreatedPlatformKey = z.infer<typeof createdPlatformKeySchema>;

const scopesSchema = z
  .array(platformScopeSchema)
  .min(1, { message: 'Choose at least one functionality' })
  .transform((scopes) => [...new Set(scopes)]);
const noteSchema = labelText(z.string().trim().max(255, { message: 'At most 255 characters' }));

const projectScopeSchema = z
  .array(z.uuid())
  .min(1, { message: 'Choose at least one project, or all projects' })
  .transform((ids) => [...new Set(ids)])
  .nullable();

export const createPlatformKeyRequestSchema = z
  .object({
    note: noteSchema.default(''),
    ...keyAttributesInputSchema.shape,
    scopes: scopesSchema,
    projectIds: projectScopeSchema,
    ...newKeyLifecycleSchema.shape,
  })
  .strict();
export type CreatePlatformKeyRequest = z.input<typeof createPlatformKeyRequestSchema>;

export const updatePlatformKeyRequestSchema = z
  .object({
    note: noteSchema.optional(),
    ...keyAttributesInputSchema.shape,
    scopes: scopesSchema.optional(),
    projectIds: projectScopeSchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdatePlatformKeyRequest = z.input<typeof updatePlatformKeyRequestSchema>;

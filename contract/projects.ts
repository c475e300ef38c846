import { z } from 'zod';
import { displayNameSchema, isoDateTimeSchema, labelText } from './fields';
import { roleSchema } from './role-schema';

export const projectMemberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
});
export type ProjectMember = z.infer<typeof projectMemberSchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  createdAt: isoDateTimeSchema,
  members: z.array(projectMemberSchema),
});
export type Project = z.infer<typeof projectSchema>;

export const projectListSchema = z.object({ projects: z.array(projectSchema) });

export const createProjectRequestSchema = z.object({
  name: displayNameSchema,
  description: labelText(z.string().trim().max(255)).default(''),
});
export type CreateProjectRequest = z.input<typeof createProjectRequestSchema>;

export const updateProjectRequestSchema = z
  .object({
    name: displayNameSchema.optional(),
    description: labelText(z.string().trim().max(255)).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateProjectRequest = z.input<typeof updateProjectRequestSchema>;

export const projectMemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

import { z } from 'zod';
import { assignableRoleSchema, roleSchema } from './role-schema';
import { emailSchema, isoDateTimeSchema, labelText, passwordSchema } from './fields';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });

const optionalNameSchema = labelText(z.string().trim().max(100))
  .transform((name) => (name === '' ? null : name))
  .nullable();

export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: optionalNameSchema.optional(),
  role: assignableRoleSchema,
  password: passwordSchema,
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    name: optionalNameSchema.optional(),
    role: assignableRoleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

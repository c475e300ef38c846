import { z } from 'zod';
import { displayNameSchema, emailSchema, passwordSchema, PASSWORD_MAX_LENGTH, plainText } from './fields';

export const setupStatusSchema = z.object({ setupRequired: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const setupRequestSchema = z.object({
  organizationName: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const signInRequestSchema = z.object({
  email: plainText(z.string().trim().toLowerCase().min(1, { message: 'Required' }).max(254)),
  password: z.string().min(1, { message: 'Required' }).max(PASSWORD_MAX_LENGTH),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

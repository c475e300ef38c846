import { z } from 'zod';
import { setupRequestSchema } from '@contract/auth';

/** The setup form: the request plus a confirmation the server never sees. */
export const setupFormSchema = setupRequestSchema
  .extend({ confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'passwordsDiffer',
  });
export type SetupFormInput = z.input<typeof setupFormSchema>;
export type SetupFormOutput = z.output<typeof setupFormSchema>;

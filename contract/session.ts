import { z } from 'zod';
import { userSchema } from './users';

// Apart from the sign-in and setup schemas, so those pages load without the user schemas.
export const organizationSchema = z.object({ id: z.uuid(), name: z.string() });

export const sessionSchema = z.object({
  user: userSchema,
  organization: organizationSchema,
  /** The organisation requires a second factor this account has not set up: only Security works. */
  twoFactorSetupRequired: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH);

/** A short human-chosen label (organisation, project, person). */
export const displayNameSchema = z.string().trim().min(1, { message: 'Required' }).max(100);

export const idSchema = z.uuid();
export const idParamsSchema = z.object({ id: idSchema });

export const isoDateTimeSchema = z.string();

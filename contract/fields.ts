import { z } from 'zod';

/**
 * C0 and C1 control characters and DEL: never part of a name, an id, a secret or a path, and
 * poison for logs, headers and PostgreSQL (which refuses NUL outright).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

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

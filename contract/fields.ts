import { z } from 'zod';

/**
 * C0 and C1 control characters and DEL: never part of a name, an id, a secret or a path, and
 * poison for logs, headers and PostgreSQL (which refuses NUL outright).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

// Line breaks and tabs are allowed where text may span lines (PEM material); nothing else is.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_CHARACTER_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Zero-width and bidirectional formatting characters: invisible, they make two names that look
 * the same differ, or one name read backwards (U+202E).
 */
const INVISIBLE_OR_BIDI = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

// Half of a UTF-16 surrogate pair on its own: no character at all (UTF-8 cannot even store it).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const NO_CONTROL_CHARACTERS = { message: 'Remove control characters and broken characters' };

/**
 * Any text from a client: never a control character (they break logs, headers and PostgreSQL,
 * which refuses NUL outright) nor a lone surrogate.
 */
export const plainText = (schema: z.ZodString = z.string()) =>
  schema.refine((value) => !CONTROL_CHARACTER.test(value) && !LONE_SURROGATE.test(value), NO_CONTROL_CHARACTERS);

/** Text that may span lines (PEM material): line breaks and tabs, no other control character. */
export const multilineText = (schema: z.ZodString = z.string()) =>
  schema.refine((value) => !CONTROL_CHARACTER_BUT_LINE_BREAKS.test(value) && !LONE_SURROGATE.test(value), NO_CONTROL_CHARACTERS);

/**
 * A name or note people tell apart by reading it: NFC-normalised (so "é" is one spelling), with
 * no control, invisible or text-direction characters.
 */
export const labelText = (schema: z.ZodString = z.string()) =>
  plainText(schema.normalize('NFC')).refine((value) => !INVISIBLE_OR_BIDI.test(value), {
    message: 'Remove invisible or text-direction characters',
  });

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
export const displayNameSchema = labelText(z.string().trim().min(1, { message: 'Required' }).max(100));

export const idSchema = z.uuid();
export const idParamsSchema = z.object({ id: idSchema });

export const isoDateTimeSchema = z.string();

/**
 * Where the next page of a list starts: the `nextCursor` of the page before, opaque to clients.
 * Every list the console and the APIs page is paged this one way (`after` in, `nextCursor` out).
 */
export const listCursorSchema = plainText(z.string().max(200));

/** The two query fields of every paged list: how many (50 unless asked, at most 200) and from where. */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: listCursorSchema.optional(),
};

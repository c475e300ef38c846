import { z } from 'zod';
import { plainText } from './fields';
import type { KeyLabels } from './key-label-reading';

/**
 * Key labels: `team=payments`, `env=prod`. Every rule about them lives here: the server validates
 * with these schemas, the dialogs check the same ones, and the lists and the inventory filter with
 * the same reading of "team=payments env=prod".
 */
export const KEY_LABEL_LIMITS = { count: 10, keyLength: 32, valueLength: 64 } as const;

/** Lower-case letters, digits, dot, dash and underscore; starts and ends with a letter or digit. */
const LABEL_KEY = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;
/** Letters, digits and `. _ - : /`: no spaces, commas or `=`, so a label reads back unambiguously. */
const LABEL_VALUE = /^[A-Za-z0-9._:/-]+$/;

const labelKeySchema = z
  .string()
  .min(1, { message: 'Give the label a name', abort: true })
  .max(KEY_LABEL_LIMITS.keyLength, {
    message: `Label names have at most ${KEY_LABEL_LIMITS.keyLength} characters`,
    abort: true,
  })
  .regex(LABEL_KEY, {
    message:
      'Label names use lower-case letters, digits, dot, dash and underscore, and start and end with a letter or digit',
  });

const labelValueSchema = z
  .string()
  .min(1, { message: 'Give the label a value', abort: true })
  .max(KEY_LABEL_LIMITS.valueLength, {
    message: `Label values have at most ${KEY_LABEL_LIMITS.valueLength} characters`,
    abort: true,
  })
  .regex(LABEL_VALUE, { message: 'Label values use letters, digits and . _ - : / only' });

export const keyLabelsSchema = z
  .record(labelKeySchema, labelValueSchema, {
    // A bad name is reported in its own words, not as zod's "Invalid key in record".
    error: (issue) => (issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined),
  })
  .refine((labels) => Object.keys(labels).length <= KEY_LABEL_LIMITS.count, {
    message: `At most ${KEY_LABEL_LIMITS.count} labels`,
  });

/** Reads one `name=value` entry as the form takes it; a problem in words when it is not one. */
export function parseLabelEntry(
  entry: string,
): { key: string; value: string } | { problem: string } {
  const at = entry.indexOf('=');
  if (at < 0) return { problem: 'Write labels as name=value' };
  const key = labelKeySchema.safeParse(entry.slice(0, at).trim());
  if (!key.success) return { problem: key.error.issues[0]!.message };
  const value = labelValueSchema.safeParse(entry.slice(at + 1).trim());
  if (!value.success) return { problem: value.error.issues[0]!.message };
  return { key: key.data, value: value.data };
}

/** The list filter as a query parameter (the inventory filters on the server). */
export const labelFilterSchema = plainText(z.string().trim().max(256));

/** The form's `name=value` entries as labels, or the first problem with them in words. */
export function labelsFromEntries(entries: string[]): { labels: KeyLabels } | { problem: string } {
  if (entries.length > KEY_LABEL_LIMITS.count)
    return { problem: `At most ${KEY_LABEL_LIMITS.count} labels` };
  const labels: KeyLabels = {};
  for (const entry of entries) {
    const parsed = parseLabelEntry(entry);
    if ('problem' in parsed) return { problem: `${entry}: ${parsed.problem}` };
    if (Object.hasOwn(labels, parsed.key)) return { problem: `${parsed.key} is given twice` };
    labels[parsed.key] = parsed.value;
  }
  return { labels };
}

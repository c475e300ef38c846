import { z } from 'zod';
import { labelEntries } from './key-label-reading';
import { keyLabelsSchema } from './key-labels';

/**
 * What every key carries the same way, whatever its kind: optional when a key is made (then its
 * value in NEW_KEY_ATTRIBUTES), kept when an edit leaves it out, in every key answer, and in the
 * audit log as its before and after. A new attribute is added here, as a column of both key
 * tables (server/db/schema.ts keyAttributeColumns, and a migration), and in the console as a
 * field and a column (src/components/key-list: useKeyAttributesDraft, key-columns). The services,
 * data modules and dialogs of both key kinds carry it without a change.
 */
export const keyAttributesSchema = z.object({ labels: keyLabelsSchema });
export type KeyAttributes = z.output<typeof keyAttributesSchema>;

/** Sent when a key is made or edited: each may be left out. */
export const keyAttributesInputSchema = keyAttributesSchema.partial();
export type KeyAttributesInput = z.output<typeof keyAttributesInputSchema>;

/** A new key's attributes where its request left them out. */
export const NEW_KEY_ATTRIBUTES: KeyAttributes = { labels: {} };

/** How an attribute reads in the audit log's before and after (default: as it is). */
const AUDITED_AS: { [K in keyof KeyAttributes]?: (value: KeyAttributes[K]) => unknown } = { labels: labelEntries };

const NAMES = Object.keys(keyAttributesSchema.shape) as (keyof KeyAttributes)[];

/** The attributes of anything that holds them (a stored key, a new key's values). */
export function keyAttributesOf(source: KeyAttributes): KeyAttributes {
  return Object.fromEntries(NAMES.map((name) => [name, source[name]])) as KeyAttributes;
}

/** The attributes a request sent, left-out ones dropped: what an edit changes. */
export function sentKeyAttributes(input: KeyAttributesInput): KeyAttributesInput {
  return Object.fromEntries(NAMES.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]));
}

/** A new key's attributes: what its request sent, the rest as NEW_KEY_ATTRIBUTES has them. */
export function newKeyAttributes(input: KeyAttributesInput): KeyAttributes {
  return { ...NEW_KEY_ATTRIBUTES, ...sentKeyAttributes(input) };
}

/** Each attribute an edit changes, as `{ from, to }` for the audit log (left-out ones are kept). */
export function keyAttributesChange(before: KeyAttributes, input: KeyAttributesInput): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const name of NAMES) {
    const after = input[name];
    if (after === undefined) continue;
    const shown = (AUDITED_AS[name] ?? ((value: unknown) => value)) as (value: unknown) => unknown;
    const [from, to] = [shown(before[name]), shown(after)];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[name] = { from, to };
  }
  return changes;
}

/**
 * Reading and matching labels without zod: the key lists load this with the page, and zod stays
 * in the dialogs' chunks. The rules that validate labels are in key-labels.ts.
 */

/** A key's labels: `{ team: 'payments', env: 'prod' }`. */
export type KeyLabels = Record<string, string>;

/** `team=payments`, one per label, in name order: how lists, audit details and the form show them. */
export const labelEntries = (labels: KeyLabels): string[] =>
  Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`);

/** One term of a label filter: a name alone (the key has it) or `name=value` (exactly that). */
export interface LabelTerm {
  key: string;
  value?: string;
}

/** "team=payments env" as terms, every one of which a key must match; spaces or commas apart. */
export function parseLabelFilter(text: string): LabelTerm[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((term) => {
      const at = term.indexOf('=');
      return at < 0 ? { key: term } : { key: term.slice(0, at), value: term.slice(at + 1) };
    });
}

export const matchesLabelFilter = (labels: KeyLabels, terms: LabelTerm[]): boolean =>
  terms.every((term) =>
    term.value === undefined ? Object.hasOwn(labels, term.key) : labels[term.key] === term.value,
  );

import { useState } from 'react';
import type { KeyAttributes } from '@contract/key-attributes';
import { labelsFromEntries } from '@contract/key-labels';
import { KeyLabelsField, toLabelEntries } from './KeyLabelsField';

/**
 * The attributes both key kinds carry (contract/key-attributes.ts) as every key dialog edits them:
 * their fields, whether they read, and the values to send. A new attribute gets its field here
 * and reaches the Dedicated, Serverless and Platform dialogs alike.
 */
export function useKeyAttributesDraft(initial: KeyAttributes | undefined) {
  const [labels, setLabels] = useState(() => toLabelEntries(initial?.labels));
  const readLabels = labelsFromEntries(labels);
  return {
    /** Every field reads: the dialog sends nothing until then (each field says what is wrong). */
    valid: !('problem' in readLabels),
    /** What the request sends: every attribute as the dialog shows it. */
    values: (): KeyAttributes => ({ labels: 'labels' in readLabels ? readLabels.labels : {} }),
    /** Back to a key's attributes (a reload after someone else's edit). */
    reset: (to: KeyAttributes | undefined) => setLabels(toLabelEntries(to?.labels)),
    /** The fields, with what the server said of them. */
    fields: (apiError: unknown) => <KeyLabelsField value={labels} onChange={setLabels} apiError={apiError} />,
  };
}
